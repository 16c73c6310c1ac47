import {
  emptyServiceRecord,
  legalActKinds,
  type LegalAct,
} from '../domain/service-record';
import type { DuplicateSubject } from './service-fingerprint';

/**
 * Pairs of services labelled by hand for measuring duplicate detection:
 * true duplicates as two agencies would write the same service (word order,
 * İ/i and I/ı, ə typed as e, endings, quotes, punctuation), and hard
 * negatives that share most words, the legal act or the result yet are
 * different services. Names follow the registry's style; agencies, act
 * numbers and documents are made up. Written before the scan was first run
 * on it, and no pair changed since; the pairs the scan gets wrong are left
 * in and counted. The scan, though, was adjusted after seeing its results
 * here (NAME_FLOOR in duplicate-scan.ts, "xaric" taken out of the actions in
 * service-fingerprint.ts), so the reported figures are better than a fresh
 * set would give.
 */

/** One side of a pair: a service with its record, or a name proposal (no record). */
export type LabelledSide = {
  agencyId: string;
  name: string;
  /** Absent for a name proposal. */
  record?: {
    result: string;
    /** "kind:number", e.g. "law:1112-IVQ". */
    acts: readonly string[];
    documents: readonly string[];
  };
};

export type LabelledPair = {
  id: string;
  isDuplicate: boolean;
  /** The trap the pair sets. */
  trap: string;
  a: LabelledSide;
  b: LabelledSide;
};

const ID_CARD = 'Şəxsiyyət vəsiqəsi';
const APPLICATION = 'Ərizə';
const PHOTO = 'Fotoşəkil (3x4)';
const FEE_RECEIPT = 'Dövlət rüsumunun ödənilməsini təsdiq edən sənəd';

function svc(
  agencyId: string,
  name: string,
  result: string,
  acts: readonly string[],
  documents: readonly string[],
): LabelledSide {
  return { agencyId, name, record: { result, acts, documents } };
}

function proposal(agencyId: string, name: string): LabelledSide {
  return { agencyId, name };
}

function dup(id: string, trap: string, a: LabelledSide, b: LabelledSide): LabelledPair {
  return { id, isDuplicate: true, trap, a, b };
}

function not(id: string, trap: string, a: LabelledSide, b: LabelledSide): LabelledPair {
  return { id, isDuplicate: false, trap, a, b };
}

export const labelledPairs: readonly LabelledPair[] = [
  dup(
    'unemployment-case',
    'İ/i: all capitals against lower case',
    svc(
      'labour-ministry',
      'İşsizlikdən sığorta ödənişinin təyin edilməsi',
      'Sığorta ödənişinin təyin edilməsi haqqında qərar',
      ['law:1101-VQ'],
      [ID_CARD, APPLICATION, 'Əmək kitabçası'],
    ),
    svc(
      'employment-agency',
      'İŞSİZLİKDƏN SIĞORTA ÖDƏNİŞİNİN TƏYİN EDİLMƏSİ',
      'Sığorta ödənişinin təyini haqqında qərar',
      ['law:1101-VQ', 'cabinetDecision:240'],
      ['ŞƏXSİYYƏT VƏSİQƏSİ', 'ƏRİZƏ', 'Əmək kitabçası'],
    ),
  ),
  dup(
    'accident-plain',
    'I for İ and e for ə, typed on a plain keyboard',
    svc(
      'labour-inspection',
      'İstehsalat qəzası haqqında arayışın verilməsi',
      'Arayış',
      ['law:618-IQ'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'social-fund',
      'ISTEHSALAT QEZASI HAQQINDA ARAYISIN VERILMESI',
      'Arayış',
      ['law:618-İQ'],
      [ID_CARD, 'Ərizə (müəyyən edilmiş formada)'],
    ),
  ),
  dup(
    'property-extract-order',
    'word order and brackets',
    svc(
      'property-service',
      'Daşınmaz əmlak üzrə çıxarışın verilməsi',
      'Daşınmaz əmlakın dövlət reyestrindən çıxarış',
      ['law:417-IIIQ'],
      [ID_CARD, APPLICATION, FEE_RECEIPT],
    ),
    svc(
      'asan-service',
      'Çıxarışın verilməsi (daşınmaz əmlak üzrə)',
      'Dövlət reyestrindən çıxarış',
      ['law:417-IIIQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  dup(
    'signature-quotes',
    '« » against " " and a possessive ending',
    svc(
      'communications-ministry',
      '«Asan İmza» mobil imza sertifikatının verilməsi',
      'Mobil imza sertifikatı',
      ['law:602-IIQ'],
      [ID_CARD, 'SİM kart'],
    ),
    svc(
      'asan-service',
      '"Asan imza" mobil imza sertifikatı verilməsi',
      'Mobil imza sertifikatı',
      ['law:602-IIQ'],
      [ID_CARD],
    ),
  ),
  dup(
    'construction-permit-suffix',
    'dative and plural endings',
    svc(
      'construction-ministry',
      'Tikinti icazəsinin verilməsi',
      'Tikintiyə icazə',
      ['law:964-IVQ'],
      [
        APPLICATION,
        'Torpaq sahəsinə mülkiyyət hüququnu təsdiq edən sənəd',
        'Layihə sənədləri',
      ],
    ),
    svc(
      'baku-executive',
      'Tikintiyə icazələrin verilməsi',
      'Tikintiyə icazə',
      ['law:964-IVQ', 'cabinetDecision:101'],
      ['Ərizə', 'Layihə sənədləri'],
    ),
  ),
  dup(
    'hunting-ticket',
    'genitive against bare noun',
    svc(
      'ecology-ministry',
      'Ov biletinin verilməsi',
      'Ov bileti',
      ['law:512-IQ'],
      [ID_CARD, PHOTO, FEE_RECEIPT],
    ),
    svc(
      'hunting-society',
      'Ov bileti verilməsi',
      'Ov bileti',
      ['law:512-IQ'],
      [ID_CARD, PHOTO],
    ),
  ),
  dup(
    'veterinary-caps',
    'capitals, no action word',
    svc(
      'food-safety-agency',
      'Baytarlıq sertifikatının verilməsi',
      'Baytarlıq sertifikatı',
      ['law:1073-IVQ'],
      [APPLICATION, 'Laboratoriya müayinəsinin nəticəsi'],
    ),
    svc(
      'veterinary-service',
      'BAYTARLIQ SERTİFİKATI',
      'BAYTARLIQ SERTİFİKATI',
      ['law:1073-IVQ'],
      [APPLICATION],
    ),
  ),
  dup(
    'marriage-rephrased',
    'the same service in other words: "qeydiyyatı" against "qeydiyyata alınması"',
    svc(
      'justice-ministry',
      'Nikahın dövlət qeydiyyatı',
      'Nikah haqqında şəhadətnamə',
      ['law:49-IQ'],
      [ID_CARD, APPLICATION, 'Tibbi müayinə haqqında arayış'],
    ),
    svc(
      'asan-service',
      'Nikahın qeydiyyata alınması',
      'Nikah haqqında şəhadətnamə',
      ['law:49-IQ'],
      [ID_CARD, APPLICATION, 'Tibbi müayinə haqqında arayış'],
    ),
  ),
  dup(
    'disability-case',
    'ƏLİ against əli',
    svc(
      'medical-expertise',
      'Əlilliyin müəyyən edilməsi',
      'Əlilliyin müəyyən edilməsi haqqında arayış',
      ['law:1147-VQ'],
      [ID_CARD, 'Tibbi sənədlər'],
    ),
    svc(
      'labour-ministry',
      'ƏLİLLİYİN MÜƏYYƏN EDİLMƏSİ',
      'Arayış',
      ['law:1147-VQ'],
      [ID_CARD, 'Tibbi sənədlərin surəti'],
    ),
  ),
  dup(
    'customs-declaration',
    'plural and "qəbulu" against "qəbul edilməsi"',
    svc(
      'customs-committee',
      'Gömrük bəyannaməsinin qəbulu',
      'Qəbul edilmiş gömrük bəyannaməsi',
      ['law:164-VQ'],
      ['Gömrük bəyannaməsi', 'İnvoys'],
    ),
    svc(
      'baku-customs',
      'Gömrük bəyannamələrinin qəbul edilməsi',
      'Gömrük bəyannaməsi',
      ['law:164-VQ'],
      ['Gömrük bəyannaməsi', 'İnvoys', 'Mənşə sertifikatı'],
    ),
  ),
  dup(
    'tax-registration',
    '"kimi" and possessive endings',
    svc(
      'tax-service',
      'Vergi ödəyicisi kimi uçota alınma',
      'VÖEN haqqında şəhadətnamə',
      ['law:905-IQ'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'asan-service',
      'Vergi ödəyicisinin uçota alınması',
      'VÖEN haqqında şəhadətnamə',
      ['law:905-IQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  dup(
    'legal-entity-registration',
    'plural, dative, an extra verb',
    svc(
      'tax-service',
      'Hüquqi şəxslərin dövlət qeydiyyatı',
      'Dövlət qeydiyyatı haqqında çıxarış',
      ['law:560-IIQ'],
      ['Nizamnamə', 'Təsis qərarı', APPLICATION],
    ),
    svc(
      'economy-ministry',
      'Hüquqi şəxsin dövlət qeydiyyatına alınması',
      'Dövlət reyestrindən çıxarış',
      ['law:560-IIQ'],
      ['Nizamnamə', 'Təsis qərarı'],
    ),
  ),
  dup(
    'trademark-synonym',
    'synonyms: "ticarət nişanı" and "əmtəə nişanı"',
    svc(
      'intellectual-property',
      'Ticarət nişanının qeydiyyatı',
      'Əmtəə nişanının qeydiyyatı haqqında şəhadətnamə',
      ['law:504-IQ'],
      [APPLICATION, 'Nişanın təsviri', FEE_RECEIPT],
    ),
    svc(
      'patent-office',
      'Əmtəə nişanının qeydiyyatı',
      'Əmtəə nişanının qeydiyyatı haqqında şəhadətnamə',
      ['law:504-IQ'],
      [APPLICATION, 'Nişanın təsviri'],
    ),
  ),
  dup(
    'targeted-aid',
    'title case and "təyin edilməsi" against "təyinatı"',
    svc(
      'labour-ministry',
      'Ünvanlı dövlət sosial yardımının təyin edilməsi',
      'Sosial yardımın təyin edilməsi haqqında qərar',
      ['law:863-IIQ'],
      [ID_CARD, APPLICATION, 'Ailə tərkibi haqqında arayış'],
    ),
    svc(
      'social-services',
      'Ünvanlı Dövlət Sosial Yardımı təyinatı',
      'Sosial yardımın təyini haqqında qərar',
      ['law:863-IIQ'],
      [ID_CARD, 'Ailə tərkibi haqqında arayış'],
    ),
  ),
  dup(
    'employment-status',
    '"haqqında" against "dair"',
    svc(
      'employment-agency',
      'Məşğulluq vəziyyəti haqqında arayış',
      'Arayış',
      ['law:1111-VQ'],
      [ID_CARD],
    ),
    svc(
      'labour-ministry',
      'Məşğulluq vəziyyətinə dair arayışın verilməsi',
      'Arayış',
      ['law:1111-VQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  dup(
    'phytosanitary',
    'genitive with and without the possessive',
    svc(
      'food-safety-agency',
      'Fitosanitar sertifikatın verilməsi',
      'Fitosanitar sertifikat',
      ['law:102-IQ'],
      [APPLICATION, 'Ekspertiza rəyi'],
    ),
    svc(
      'agriculture-ministry',
      'Fitosanitar sertifikatının verilməsi',
      'Fitosanitar sertifikatı',
      ['law:102-IQ'],
      [APPLICATION, 'Ekspertiza rəyi'],
    ),
  ),
  dup(
    'archive-plural',
    'plural possessive genitive',
    svc(
      'national-archive',
      'Arxiv arayışının verilməsi',
      'Arxiv arayışı',
      ['law:681-IIQ'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'ganja-archive',
      'Arxiv arayışlarının verilməsi',
      'Arxiv arayışı',
      ['law:681-IIQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  dup(
    'electricity-connection',
    'a word dropped, words added',
    svc(
      'azerishiq',
      'Elektrik enerjisi şəbəkəsinə qoşulma',
      'Qoşulma aktı',
      ['cabinetDecision:88'],
      [APPLICATION, 'Mülkiyyət hüququnu təsdiq edən sənəd'],
    ),
    svc(
      'energy-regulator',
      'Elektrik şəbəkəsinə qoşulmanın təmin edilməsi',
      'Qoşulma aktı',
      ['cabinetDecision:88'],
      [APPLICATION],
    ),
  ),
  dup(
    'water-plain',
    'the whole name typed without Azerbaijani letters',
    svc(
      'azersu',
      'Su təchizatı şəbəkəsinə qoşulma',
      'Qoşulma haqqında müqavilə',
      ['cabinetDecision:93'],
      [APPLICATION, 'Texniki şərtlər'],
    ),
    svc(
      'water-agency',
      'Su techizati sebekesine qosulma',
      'Qosulma haqqinda muqavile',
      ['cabinetDecision:93'],
      ['Erize', 'Texniki sertler'],
    ),
  ),
  dup(
    'pension-card-caps',
    'all capitals with İ and Ə',
    svc(
      'social-fund',
      'Pensiya vəsiqəsinin verilməsi',
      'Pensiya vəsiqəsi',
      ['law:1197-VQ'],
      [ID_CARD, PHOTO],
    ),
    svc(
      'labour-ministry',
      'PENSİYA VƏSİQƏSİNİN VERİLMƏSİ',
      'PENSİYA VƏSİQƏSİ',
      ['law:1197-VQ'],
      [ID_CARD],
    ),
  ),
  dup(
    'old-age-pension',
    'brackets, word order, "təyin olunması"',
    svc(
      'labour-ministry',
      'Yaşa görə əmək pensiyasının təyin edilməsi',
      'Pensiyanın təyin edilməsi haqqında qərar',
      ['law:1197-VQ'],
      [ID_CARD, APPLICATION, 'Əmək kitabçası'],
    ),
    svc(
      'social-fund',
      'Əmək pensiyasının (yaşa görə) təyin olunması',
      'Pensiyanın təyini haqqında qərar',
      ['law:1197-VQ'],
      [ID_CARD, APPLICATION, 'Əmək kitabçası'],
    ),
  ),
  dup(
    'birth-certificate',
    '"haqqında" dropped and a possessive added',
    svc(
      'justice-ministry',
      'Doğum haqqında şəhadətnamənin verilməsi',
      'Doğum haqqında şəhadətnamə',
      ['law:49-IQ'],
      ['Tibbi doğum arayışı', 'Valideynlərin şəxsiyyət vəsiqələri'],
    ),
    svc(
      'asan-service',
      'Doğum şəhadətnaməsinin verilməsi',
      'Doğum haqqında şəhadətnamə',
      ['law:49-IQ'],
      ['Tibbi doğum arayışı', 'Valideynin şəxsiyyət vəsiqəsi'],
    ),
  ),
  dup(
    'residence-permit-synonym',
    'synonyms: "xarici vətəndaşlar" and "əcnəbilər"',
    svc(
      'migration-service',
      'Xarici vətəndaşlara müvəqqəti yaşamaq icazəsinin verilməsi',
      'Müvəqqəti yaşamaq icazəsi',
      ['law:713-IVQ'],
      ['Pasport', APPLICATION, PHOTO, 'Tibbi arayış'],
    ),
    svc(
      'asan-service',
      'Əcnəbilərə müvəqqəti yaşama icazəsi verilməsi',
      'Müvəqqəti yaşamaq icazəsi',
      ['law:713-IVQ'],
      ['Pasport', APPLICATION, PHOTO],
    ),
  ),
  dup(
    'advertising-permit',
    '"üçün" against the dative',
    svc(
      'baku-executive',
      'Reklam yayımı üçün icazə',
      'Reklam yayımına icazə',
      ['law:1000-IVQ'],
      [APPLICATION, 'Reklamın eskizi'],
    ),
    svc(
      'advertising-agency',
      'Reklam yayımına icazənin verilməsi',
      'Reklam yayımına icazə',
      ['law:1000-IVQ'],
      [APPLICATION, 'Reklamın eskizi', FEE_RECEIPT],
    ),
  ),
  dup(
    'health-insurance-plain',
    'I for İ, ı for i and e for ə in one name',
    svc(
      'health-insurance',
      'İcbari tibbi sığorta kartının verilməsi',
      'Tibbi sığorta kartı',
      ['law:1035-IQ'],
      [ID_CARD],
    ),
    svc(
      'asan-service',
      'Icbari tibbi sigorta kartinin verilmesi',
      'Tibbi sigorta karti',
      ['law:1035-IQ'],
      [ID_CARD],
    ),
  ),
  dup(
    'idp-status',
    'genitive against bare possessive',
    svc(
      'refugee-committee',
      'Məcburi köçkün statusunun verilməsi',
      'Məcburi köçkün vəsiqəsi',
      ['law:669-IQ'],
      [APPLICATION, 'Yaşayış yeri üzrə arayış'],
    ),
    svc(
      'labour-ministry',
      'Məcburi köçkün statusu verilməsi.',
      'Məcburi köçkün vəsiqəsi',
      ['law:669-IQ'],
      [APPLICATION],
    ),
  ),
  dup(
    'youth-grant',
    '"üçün" with plural against the dative plural',
    svc(
      'youth-ministry',
      'Gənclər üçün təqaüdün təyin edilməsi',
      'Təqaüdün təyin edilməsi haqqında qərar',
      ['cabinetDecision:310'],
      [ID_CARD, APPLICATION, 'Təhsil haqqında arayış'],
    ),
    svc(
      'youth-fund',
      'Gənclərə təqaüd təyin edilməsi',
      'Təqaüdün təyini haqqında qərar',
      ['cabinetDecision:310'],
      [ID_CARD, 'Təhsil haqqında arayış'],
    ),
  ),
  dup(
    'labour-contract-notice',
    'plural and "qeydiyyata alınması"',
    svc(
      'labour-ministry',
      'Əmək müqaviləsi bildirişinin qeydiyyatı',
      'Elektron bildirişin qeydiyyatı',
      ['law:618-IQ'],
      ['Əmək müqaviləsi bildirişi'],
    ),
    svc(
      'labour-inspection',
      'Əmək müqaviləsi bildirişlərinin qeydiyyata alınması',
      'Bildirişin qeydiyyatı',
      ['law:618-IQ'],
      ['Əmək müqaviləsi bildirişi'],
    ),
  ),
  dup(
    'vehicle-registration',
    '"avtonəqliyyat" against "nəqliyyat" and a plural',
    svc(
      'internal-affairs',
      'Avtonəqliyyat vasitəsinin dövlət qeydiyyatı',
      'Qeydiyyat şəhadətnaməsi və dövlət qeydiyyat nişanı',
      ['law:1112-IVQ'],
      [ID_CARD, 'Alqı-satqı müqaviləsi', 'Gömrük bəyannaməsi'],
    ),
    svc(
      'asan-service',
      'Nəqliyyat vasitələrinin dövlət qeydiyyatı',
      'Qeydiyyat şəhadətnaməsi',
      ['law:1112-IVQ'],
      [ID_CARD, 'Alqı-satqı müqaviləsi'],
    ),
  ),
  dup(
    'weapon-permit-longer',
    'one name says more than the other',
    svc(
      'internal-affairs',
      'Silah gəzdirmək icazəsinin verilməsi',
      'Silah gəzdirmək və saxlamaq icazəsi',
      ['law:470-IQ'],
      [ID_CARD, 'Tibbi arayış', PHOTO],
    ),
    svc(
      'asan-service',
      'Silah gəzdirmək və saxlamaq üçün icazə verilməsi',
      'Silah gəzdirmək və saxlamaq icazəsi',
      ['law:470-IQ'],
      [ID_CARD, 'Tibbi arayış'],
    ),
  ),
  dup(
    'licence-bracket',
    'licence named in brackets, object moved to the front',
    svc(
      'construction-ministry',
      'Lisenziyanın verilməsi (tikinti fəaliyyəti)',
      'Lisenziya',
      ['law:1227-IVQ'],
      [APPLICATION, 'Nizamnamə', FEE_RECEIPT],
    ),
    svc(
      'economy-ministry',
      'Tikinti fəaliyyətinə xüsusi razılığın (lisenziyanın) verilməsi',
      'Lisenziya',
      ['law:1227-IVQ'],
      [APPLICATION, 'Nizamnamə'],
    ),
  ),
  dup(
    'diploma-recognition',
    'a qualifier added and a plural',
    svc(
      'education-ministry',
      'Təhsil haqqında sənədin tanınması',
      'Tanınma haqqında şəhadətnamə',
      ['law:833-IIIQ'],
      ['Diplom', 'Diplomun əlavəsi', APPLICATION],
    ),
    svc(
      'education-agency',
      'Xaricdə alınmış təhsil sənədlərinin tanınması',
      'Tanınma haqqında şəhadətnamə',
      ['law:833-IIIQ'],
      ['Diplom', 'Diplomun əlavəsi'],
    ),
  ),
  dup(
    'passport-full-stop',
    'a full stop and a genitive',
    svc(
      'migration-service',
      'Ümumvətəndaş pasportunun verilməsi',
      'Ümumvətəndaş pasportu',
      ['law:620-IIQ'],
      [ID_CARD, FEE_RECEIPT],
    ),
    svc(
      'internal-affairs',
      'Ümumvətəndaş pasportu verilməsi.',
      'Ümumvətəndaş pasportu',
      ['law:620-IIQ'],
      [ID_CARD, FEE_RECEIPT, PHOTO],
    ),
  ),
  dup(
    'driving-licence-caps',
    'capitals and a dropped genitive',
    svc(
      'internal-affairs',
      'Sürücülük vəsiqəsinin verilməsi',
      'Sürücülük vəsiqəsi',
      ['law:1112-IVQ'],
      [ID_CARD, 'Tibbi arayış (forma 083)', 'İmtahan nəticəsi'],
    ),
    svc(
      'asan-service',
      'SÜRÜCÜLÜK VƏSİQƏSİ VERİLMƏSİ',
      'Sürücülük vəsiqəsi',
      ['law:1112-IVQ'],
      [ID_CARD, 'Tibbi arayış (forma 083)'],
    ),
  ),
  dup(
    'driving-licence-swap',
    'the same action on both sides, one plural',
    svc(
      'internal-affairs',
      'Sürücülük vəsiqəsinin dəyişdirilməsi',
      'Sürücülük vəsiqəsi',
      ['law:1112-IVQ'],
      [ID_CARD, 'Köhnə sürücülük vəsiqəsi'],
    ),
    svc(
      'asan-service',
      'Sürücülük vəsiqələrinin dəyişdirilməsi',
      'Sürücülük vəsiqəsi',
      ['law:1112-IVQ'],
      [ID_CARD, 'Köhnə sürücülük vəsiqəsi', 'Tibbi arayış (forma 083)'],
    ),
  ),
  dup(
    'identity-duplicate',
    '"dublikatının verilməsi" against "dublikatı"',
    svc(
      'migration-service',
      'Şəxsiyyət vəsiqəsinin dublikatının verilməsi',
      'Şəxsiyyət vəsiqəsi',
      ['law:620-IIQ'],
      [APPLICATION, 'İtirilmə haqqında arayış'],
    ),
    svc(
      'asan-service',
      'Şəxsiyyət vəsiqəsinin dublikatı',
      'Şəxsiyyət vəsiqəsi',
      ['law:620-IIQ'],
      [APPLICATION],
    ),
  ),
  dup(
    'tree-felling',
    'a purpose added in front',
    svc(
      'ecology-ministry',
      'Ərazinin yaşıllaşdırılması üçün ağacların kəsilməsinə icazə',
      'Ağacların kəsilməsinə icazə',
      ['cabinetDecision:55'],
      [APPLICATION, 'Ərazinin planı'],
    ),
    svc(
      'baku-executive',
      'Ağacların kəsilməsinə icazənin verilməsi',
      'Ağacların kəsilməsinə icazə',
      ['cabinetDecision:55'],
      [APPLICATION, 'Ərazinin planı'],
    ),
  ),
  dup(
    'fishing-ticket',
    'a bracketed synonym',
    svc(
      'ecology-ministry',
      'Balıq ovu biletinin verilməsi',
      'Balıq ovu bileti',
      ['law:513-IQ'],
      [ID_CARD, FEE_RECEIPT],
    ),
    svc(
      'fisheries-agency',
      'Balıqçılıq (balıq ovu) bileti verilməsi',
      'Balıq ovu bileti',
      ['law:513-IQ'],
      [ID_CARD],
    ),
  ),
  dup(
    'military-ticket-proposal',
    'a name proposal in capitals, no record',
    proposal('defence-ministry', 'Hərbi biletin verilməsi'),
    proposal('mobilisation-service', 'HƏRBİ BİLETİN VERİLMƏSİ'),
  ),
  dup(
    'criminal-record-proposal',
    'a name proposal with another verb form',
    proposal(
      'internal-affairs',
      'Cinayət məsuliyyətinə cəlb olunub-olunmaması barədə arayışın verilməsi',
    ),
    proposal(
      'asan-service',
      'Cinayət məsuliyyətinə cəlb edilib-edilməməsi barədə arayış',
    ),
  ),
  dup(
    'fee-refund',
    'the same action, an extra adverb',
    svc(
      'tax-service',
      'Artıq ödənilmiş dövlət rüsumunun qaytarılması',
      'Qaytarılma haqqında qərar',
      ['law:223-IQ'],
      [APPLICATION, FEE_RECEIPT, 'Bank hesabı haqqında məlumat'],
    ),
    svc(
      'finance-ministry',
      'Dövlət rüsumunun geri qaytarılması',
      'Qaytarılma haqqında qərar',
      ['law:223-IQ'],
      [APPLICATION, FEE_RECEIPT],
    ),
  ),
  dup(
    'ownership-registration',
    'plural and a dative with a verb',
    svc(
      'property-service',
      'Mülkiyyət hüququnun dövlət qeydiyyatı',
      'Daşınmaz əmlakın dövlət reyestrindən çıxarış',
      ['law:417-IIIQ'],
      [ID_CARD, 'Alqı-satqı müqaviləsi', FEE_RECEIPT],
    ),
    svc(
      'asan-service',
      'Mülkiyyət hüquqlarının dövlət qeydiyyatına alınması',
      'Dövlət reyestrindən çıxarış',
      ['law:417-IIIQ'],
      [ID_CARD, 'Alqı-satqı müqaviləsi'],
    ),
  ),
  dup(
    'tourism-licence',
    'the dative plural and a possessive',
    svc(
      'tourism-agency',
      'Turizm agentliyi fəaliyyətinə lisenziya',
      'Lisenziya',
      ['law:1227-IVQ'],
      [APPLICATION, 'Nizamnamə'],
    ),
    svc(
      'economy-ministry',
      'Turizm agentliklərinə lisenziyanın verilməsi',
      'Lisenziya',
      ['law:1227-IVQ'],
      [APPLICATION, 'Nizamnamə', FEE_RECEIPT],
    ),
  ),

  not(
    'driving-issue-swap',
    'same words, issue against replacement, same act, result and documents',
    svc(
      'internal-affairs',
      'Sürücülük vəsiqəsinin verilməsi',
      'Sürücülük vəsiqəsi',
      ['law:1112-IVQ'],
      [ID_CARD, 'Tibbi arayış (forma 083)'],
    ),
    svc(
      'asan-service',
      'sürücülük vəsiqəsinin dəyişdirilməsi',
      'Sürücülük vəsiqəsi',
      ['law:1112-IVQ'],
      [ID_CARD, 'Tibbi arayış (forma 083)'],
    ),
  ),
  not(
    'identity-issue-duplicate',
    'issue against a duplicate copy',
    svc(
      'migration-service',
      'Şəxsiyyət vəsiqəsinin verilməsi',
      'Şəxsiyyət vəsiqəsi',
      ['law:620-IIQ'],
      [APPLICATION, 'Doğum haqqında şəhadətnamə'],
    ),
    svc(
      'asan-service',
      'Şəxsiyyət vəsiqəsinin dublikatının verilməsi',
      'Şəxsiyyət vəsiqəsi',
      ['law:620-IIQ'],
      [APPLICATION, 'Doğum haqqında şəhadətnamə'],
    ),
  ),
  not(
    'form-number',
    'one number apart',
    svc(
      'labour-ministry',
      'Forma 2 üzrə arayışın verilməsi',
      'Arayış',
      ['law:1111-VQ'],
      [ID_CARD],
    ),
    svc(
      'employment-agency',
      'Forma 3 üzrə arayışın verilməsi',
      'Arayış',
      ['law:1111-VQ'],
      [ID_CARD],
    ),
  ),
  not(
    'permit-extension',
    'issue against extending the term',
    svc(
      'construction-ministry',
      'Tikinti icazəsinin verilməsi',
      'Tikintiyə icazə',
      ['law:964-IVQ'],
      [APPLICATION, 'Layihə sənədləri'],
    ),
    svc(
      'baku-executive',
      'Tikinti icazəsinin müddətinin uzadılması',
      'Tikintiyə icazə',
      ['law:964-IVQ'],
      [APPLICATION, 'Layihə sənədləri'],
    ),
  ),
  not(
    'licence-cancel',
    'issue against cancellation',
    svc(
      'economy-ministry',
      'Lisenziyanın verilməsi',
      'Lisenziya',
      ['law:1227-IVQ'],
      [APPLICATION],
    ),
    svc(
      'tourism-agency',
      'Lisenziyanın ləğvi',
      'Lisenziyanın ləğvi haqqında qərar',
      ['law:1227-IVQ'],
      [APPLICATION],
    ),
  ),
  not(
    'identity-driving',
    'two documents called "vəsiqə", shared documents',
    svc(
      'migration-service',
      'Şəxsiyyət vəsiqəsinin verilməsi',
      'Şəxsiyyət vəsiqəsi',
      ['law:620-IIQ'],
      [ID_CARD, PHOTO],
    ),
    svc(
      'internal-affairs',
      'Sürücülük vəsiqəsinin verilməsi',
      'Sürücülük vəsiqəsi',
      ['law:1112-IVQ'],
      [ID_CARD, PHOTO],
    ),
  ),
  not(
    'birth-marriage',
    'two certificates under one act',
    svc(
      'justice-ministry',
      'Doğum haqqında şəhadətnamənin verilməsi',
      'Şəhadətnamə',
      ['law:49-IQ'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'asan-service',
      'Nikah haqqında şəhadətnamənin verilməsi',
      'Şəhadətnamə',
      ['law:49-IQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  not(
    'electricity-gas',
    'connection to two different networks',
    svc(
      'azerishiq',
      'Elektrik enerjisi şəbəkəsinə qoşulma',
      'Qoşulma aktı',
      ['cabinetDecision:88'],
      [APPLICATION, 'Texniki şərtlər'],
    ),
    svc(
      'azerigas',
      'Qaz təchizatı şəbəkəsinə qoşulma',
      'Qoşulma aktı',
      ['cabinetDecision:88'],
      [APPLICATION, 'Texniki şərtlər'],
    ),
  ),
  not(
    'water-sewer',
    'water against sewer connection',
    svc(
      'azersu',
      'Su təchizatı şəbəkəsinə qoşulma',
      'Qoşulma haqqında müqavilə',
      ['cabinetDecision:93'],
      [APPLICATION],
    ),
    svc(
      'water-agency',
      'Kanalizasiya şəbəkəsinə qoşulma',
      'Qoşulma haqqında müqavilə',
      ['cabinetDecision:93'],
      [APPLICATION],
    ),
  ),
  not(
    'pension-recalculation',
    'granting against recalculating',
    svc(
      'labour-ministry',
      'Əmək pensiyasının təyin edilməsi',
      'Qərar',
      ['law:1197-VQ'],
      [ID_CARD, 'Əmək kitabçası'],
    ),
    svc(
      'social-fund',
      'Əmək pensiyasının yenidən hesablanması',
      'Qərar',
      ['law:1197-VQ'],
      [ID_CARD, 'Əmək kitabçası'],
    ),
  ),
  not(
    'aid-suspension',
    'granting against suspending',
    svc(
      'labour-ministry',
      'Ünvanlı dövlət sosial yardımının təyin edilməsi',
      'Qərar',
      ['law:863-IIQ'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'social-services',
      'Ünvanlı dövlət sosial yardımının dayandırılması',
      'Qərar',
      ['law:863-IIQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  not(
    'entity-liquidation',
    'registration against registering a liquidation',
    svc(
      'tax-service',
      'Hüquqi şəxsin dövlət qeydiyyatı',
      'Çıxarış',
      ['law:560-IIQ'],
      ['Nizamnamə', APPLICATION],
    ),
    svc(
      'economy-ministry',
      'Hüquqi şəxsin ləğvinin dövlət qeydiyyatı',
      'Çıxarış',
      ['law:560-IIQ'],
      ['Ləğvetmə balansı', APPLICATION],
    ),
  ),
  not(
    'tax-deregistration',
    'registration against deregistration',
    svc(
      'tax-service',
      'Vergi ödəyicisi kimi uçota alınma',
      'Şəhadətnamə',
      ['law:905-IQ'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'asan-service',
      'Vergi ödəyicisinin uçotdan çıxarılması',
      'Bildiriş',
      ['law:905-IQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  not(
    'accident-disease',
    'two certificates under one act, same result',
    svc(
      'labour-inspection',
      'İstehsalat qəzası haqqında arayış',
      'Arayış',
      ['law:618-IQ'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'social-fund',
      'Peşə xəstəliyi haqqında arayış',
      'Arayış',
      ['law:618-IQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  not(
    'hunting-fishing',
    'hunting ticket against fishing ticket: "ov" in both',
    svc(
      'ecology-ministry',
      'Ov biletinin verilməsi',
      'Ov bileti',
      ['law:512-IQ'],
      [ID_CARD, FEE_RECEIPT],
    ),
    svc(
      'fisheries-agency',
      'Balıq ovu biletinin verilməsi',
      'Balıq ovu bileti',
      ['law:513-IQ'],
      [ID_CARD, FEE_RECEIPT],
    ),
  ),
  not(
    'trademark-cancel',
    'registration against cancelling it',
    svc(
      'intellectual-property',
      'Ticarət nişanının qeydiyyatı',
      'Şəhadətnamə',
      ['law:504-IQ'],
      [APPLICATION],
    ),
    svc(
      'patent-office',
      'Ticarət nişanının qeydiyyatının ləğvi',
      'Qərar',
      ['law:504-IQ'],
      [APPLICATION],
    ),
  ),
  not(
    'customs-correction',
    'accepting against correcting a declaration',
    svc(
      'customs-committee',
      'Gömrük bəyannaməsinin qəbulu',
      'Gömrük bəyannaməsi',
      ['law:164-VQ'],
      ['Gömrük bəyannaməsi'],
    ),
    svc(
      'baku-customs',
      'Gömrük bəyannaməsinə düzəliş edilməsi',
      'Gömrük bəyannaməsi',
      ['law:164-VQ'],
      ['Gömrük bəyannaməsi'],
    ),
  ),
  not(
    'marriage-divorce',
    'marriage against divorce registration',
    svc(
      'justice-ministry',
      'Nikahın dövlət qeydiyyatı',
      'Şəhadətnamə',
      ['law:49-IQ'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'asan-service',
      'Nikahın pozulmasının dövlət qeydiyyatı',
      'Şəhadətnamə',
      ['law:49-IQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  not(
    'ownership-mortgage',
    'two registrations under one act',
    svc(
      'property-service',
      'Mülkiyyət hüququnun dövlət qeydiyyatı',
      'Çıxarış',
      ['law:417-IIIQ'],
      [ID_CARD, FEE_RECEIPT],
    ),
    svc(
      'asan-service',
      'İpotekanın dövlət qeydiyyatı',
      'Çıxarış',
      ['law:417-IIIQ'],
      [ID_CARD, FEE_RECEIPT],
    ),
  ),
  not(
    'veterinary-phytosanitary',
    'two certificates, same result word',
    svc(
      'food-safety-agency',
      'Baytarlıq sertifikatının verilməsi',
      'Sertifikat',
      ['law:1073-IVQ'],
      [APPLICATION],
    ),
    svc(
      'agriculture-ministry',
      'Fitosanitar sertifikatın verilməsi',
      'Sertifikat',
      ['law:102-IQ'],
      [APPLICATION],
    ),
  ),
  not(
    'passport-kinds',
    'two kinds of passport',
    svc(
      'migration-service',
      'Xarici pasportun verilməsi',
      'Pasport',
      ['law:620-IIQ'],
      [ID_CARD, PHOTO],
    ),
    svc(
      'foreign-ministry',
      'Diplomatik pasportun verilməsi',
      'Pasport',
      ['law:620-IIQ'],
      [ID_CARD, PHOTO],
    ),
  ),
  not(
    'pension-grounds',
    'pension by age against pension by disability',
    svc(
      'labour-ministry',
      'Yaşa görə əmək pensiyasının təyin edilməsi',
      'Qərar',
      ['law:1197-VQ'],
      [ID_CARD, APPLICATION, 'Əmək kitabçası'],
    ),
    svc(
      'social-fund',
      'Əlilliyə görə əmək pensiyasının təyin edilməsi',
      'Qərar',
      ['law:1197-VQ'],
      [ID_CARD, APPLICATION, 'Əlillik haqqında arayış'],
    ),
  ),
  not(
    'grants',
    'two grants',
    svc(
      'youth-ministry',
      'Gənclər üçün təqaüdün təyin edilməsi',
      'Qərar',
      ['cabinetDecision:310'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'education-ministry',
      'Prezident təqaüdünün təyin edilməsi',
      'Qərar',
      ['decree:1500'],
      [ID_CARD, APPLICATION],
    ),
  ),
  not(
    'employment-seniority',
    'two certificates ("arayış") under one act',
    svc(
      'employment-agency',
      'Məşğulluq vəziyyəti haqqında arayış',
      'Arayış',
      ['law:1111-VQ'],
      [ID_CARD],
    ),
    svc(
      'labour-ministry',
      'Əmək stajı haqqında arayış',
      'Arayış',
      ['law:1111-VQ'],
      [ID_CARD],
    ),
  ),
  not(
    'insurance-restore',
    'issue against restoring a card',
    svc(
      'health-insurance',
      'İcbari tibbi sığorta kartının verilməsi',
      'Kart',
      ['law:1035-IQ'],
      [ID_CARD],
    ),
    svc(
      'asan-service',
      'İcbari tibbi sığorta kartının bərpası',
      'Kart',
      ['law:1035-IQ'],
      [ID_CARD],
    ),
  ),
  not(
    'vehicle-deregistration',
    'registration against deregistration',
    svc(
      'internal-affairs',
      'Avtonəqliyyat vasitəsinin dövlət qeydiyyatı',
      'Şəhadətnamə',
      ['law:1112-IVQ'],
      [ID_CARD],
    ),
    svc(
      'asan-service',
      'Avtonəqliyyat vasitəsinin qeydiyyatdan çıxarılması',
      'Arayış',
      ['law:1112-IVQ'],
      [ID_CARD],
    ),
  ),
  not(
    'weapon-carry-keep',
    'carrying against keeping a weapon',
    svc(
      'internal-affairs',
      'Silah gəzdirmək icazəsinin verilməsi',
      'İcazə',
      ['law:470-IQ'],
      [ID_CARD, 'Tibbi arayış'],
    ),
    svc(
      'asan-service',
      'Silah saxlamaq icazəsinin verilməsi',
      'İcazə',
      ['law:470-IQ'],
      [ID_CARD, 'Tibbi arayış'],
    ),
  ),
  not(
    'archive-copy',
    'an archive certificate against a copy of an archive document',
    svc(
      'national-archive',
      'Arxiv arayışının verilməsi',
      'Arayış',
      ['law:681-IIQ'],
      [ID_CARD, APPLICATION],
    ),
    svc(
      'ganja-archive',
      'Arxiv sənədinin surətinin verilməsi',
      'Surət',
      ['law:681-IIQ'],
      [ID_CARD, APPLICATION],
    ),
  ),
  not(
    'military-duplicate-proposal',
    'a name proposal: issue against a duplicate',
    proposal('defence-ministry', 'Hərbi biletin verilməsi'),
    proposal('mobilisation-service', 'Hərbi biletin dublikatının verilməsi'),
  ),
  not(
    'passport-swap-proposal',
    'a name proposal: issue against replacement',
    proposal('migration-service', 'Ümumvətəndaş pasportunun verilməsi'),
    proposal('internal-affairs', 'ÜMUMVƏTƏNDAŞ PASPORTUNUN DƏYİŞDİRİLMƏSİ'),
  ),
];

function legalActOf(key: string, index: number): LegalAct {
  const [kindText, number = ''] = key.split(':');
  return {
    id: `act-${index}`,
    kind: legalActKinds.find((kind) => kind === kindText) ?? 'other',
    number,
    date: '',
    title: '',
    article: '',
    url: '',
  };
}

/** The service a labelled side stands for, as the scan reads it. */
export function labelledSubject(id: string, side: LabelledSide): DuplicateSubject {
  if (!side.record) return { id, agencyId: side.agencyId, name: side.name };
  const record = emptyServiceRecord();
  record.result.name = side.record.result;
  record.legalActs = side.record.acts.map(legalActOf);
  record.documents = side.record.documents.map((name, index) => ({
    id: `doc-${index}`,
    name,
    isFetchedByAgency: false,
    sourceSystem: '',
    isOriginalRequired: false,
    note: '',
  }));
  return { id, agencyId: side.agencyId, name: side.name, record };
}
