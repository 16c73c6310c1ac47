import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presentationAgencies } from '../reference/agencies';
import { registryCategories } from '../reference/categories';
import { AZ_ALPHABET, compareAz, foldAz, includesAz, sortKeyAz } from './az';

const alphabet = 'a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z'.split(
  ' ',
);

/** Service names as agencies write them: capitals, quotes, dashes, numbers. */
const serviceNames = [
  'Əmək pensiyasının təyin edilməsi',
  'Ünvanlı dövlət sosial yardımının təyin edilməsi',
  'Şəxsiyyət vəsiqəsinin verilməsi',
  'Sürücülük vəsiqəsinin verilməsi',
  'Ümumvətəndaş pasportunun verilməsi',
  'Hərbi biletin verilməsi',
  'Xarici ölkələrdə təhsil almaq üçün sənədlərin qəbulu',
  'Doğum haqqında şəhadətnamənin verilməsi',
  'Nikahın dövlət qeydiyyatı',
  'Çıxarışın verilməsi',
  'Cinayət məsuliyyətinə cəlb olunmamaq barədə arayış',
  'İxtiraya patentin verilməsi',
  'İcbari tibbi sığorta şəhadətnaməsinin verilməsi',
  'Ölüm haqqında şəhadətnamənin verilməsi',
  'Gömrük bəyannaməsinin qəbulu',
  'Ğ hərfi ilə başlayan nümunə',
  'Qida məhsullarının idxalına icazə',
  'Kommunal xidmətlər üzrə abunəçi müqaviləsi',
  'Elektron imza ("Asan İmza") sertifikatının verilməsi',
  '"Asan Viza" sisteminin vasitəsilə elektron vizanın verilməsi',
  'Tikintiyə icazə - 1-ci kateqoriya',
  'Tikintiyə icazə - 2-ci kateqoriya',
  'Forma 2 üzrə arayış',
  'Forma 10 üzrə arayış',
  'Forma 100 üzrə arayış',
  'Ilıq su təchizatı',
  'İlkin qeydiyyat',
  'Yaşayış yeri üzrə qeydiyyat',
  'Zəmanət məktubunun verilməsi',
  'Vergi ödəyicisinin uçota alınması',
];

/** Pairs that plain code-point or English order gets wrong; the first sorts first. */
const trickyPairs: Array<[string, string]> = [
  ['c', 'ç'],
  ['s', 'ş'],
  ['ı', 'i'],
  ['o', 'ö'],
  ['u', 'ü'],
  ['g', 'ğ'],
  ['e', 'ə'],
  ['h', 'x'],
  ['k', 'q'],
  ['cz', 'ça'],
  ['sz', 'şa'],
  ['ız', 'ia'],
  ['oz', 'öa'],
  ['uz', 'üa'],
  ['gz', 'ğa'],
  ['ez', 'əa'],
  ['hz', 'xa'],
  ['kz', 'qa'],
  ['Ilıq', 'ilk'],
  ['Cəmiyyət', 'Çay'],
  ['Ev', 'Əmək'],
  ['Şəki', 'Tovuz'],
  ['Zaqatala', 'Zəngilan'],
  ['Forma 2', 'Forma 10'],
  ['Bakı', 'Bakı şəhəri'],
];

function sign(n: number): number {
  return Math.sign(n);
}

function compareKeys(a: string, b: string): number {
  const keyA = sortKeyAz(a);
  const keyB = sortKeyAz(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

function expectKeyOrderMatchesCompareAz(names: readonly string[]) {
  const disagreements: string[] = [];
  for (const a of names) {
    for (const b of names) {
      if (sign(compareKeys(a, b)) !== sign(compareAz(a, b))) {
        disagreements.push(`${a} <> ${b}`);
      }
    }
  }
  expect(disagreements).toEqual([]);
  const byCompare = [...names].sort(compareAz);
  const byKey = [...names].sort(compareKeys);
  expect(byKey).toEqual(byCompare);
}

describe('foldAz', () => {
  it.each([
    ['İSTANBUL', 'istanbul'],
    ['ILIQ', 'ılıq'],
    ['Əli', 'əli'],
    ['ŞÜÇÖĞ', 'şüçöğ'],
    ['İqtisadiyyat Nazirliyi', 'iqtisadiyyat nazirliyi'],
  ])('folds "%s" to "%s"', (text, folded) => {
    expect(foldAz(text)).toBe(folded);
  });

  it('folds a decomposed İ (I + combining dot) like the composed one', () => {
    expect(foldAz('I\u0307STANBUL')).toBe('istanbul');
  });
});

describe('includesAz', () => {
  it('finds "iqtisadiyyat" in "İQTİSADİYYAT"', () => {
    expect(includesAz('İQTİSADİYYAT', 'iqtisadiyyat')).toBe(true);
  });

  it('does not find "isi" in "ISI", because I folds to ı', () => {
    expect(includesAz('ISI', 'isi')).toBe(false);
    expect(includesAz('ISI', 'ısı')).toBe(true);
  });

  it('finds a lower-case needle in an agency name written with capitals', () => {
    expect(
      includesAz('Azərbaycan Respublikasının Əmək Nazirliyi', 'əmək nazirliyi'),
    ).toBe(true);
  });

  it('finds an upper-case needle in lower-case text', () => {
    expect(includesAz('şəxsiyyət vəsiqəsi', 'ŞƏXSİYYƏT')).toBe(true);
  });

  it('finds the empty needle anywhere', () => {
    expect(includesAz('Bakı', '')).toBe(true);
  });
});

describe('compareAz', () => {
  it('orders the letters a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z', () => {
    expect([...alphabet].reverse().sort(compareAz)).toEqual(alphabet);
    expect([...AZ_ALPHABET]).toEqual(alphabet);
  });

  it('puts each letter strictly before the next', () => {
    alphabet.slice(1).forEach((letter, index) => {
      expect(compareAz(alphabet[index] ?? '', letter)).toBeLessThan(0);
    });
  });

  it.each(trickyPairs)('puts "%s" before "%s"', (first, second) => {
    expect(compareAz(first, second)).toBeLessThan(0);
    expect(compareAz(second, first)).toBeGreaterThan(0);
  });

  it('ignores case, so a capital and its small letter are equal', () => {
    expect(compareAz('Əmək', 'əmək')).toBe(0);
    expect(compareAz('İlkin', 'ilkin')).toBe(0);
    expect(compareAz('ILIQ', 'ılıq')).toBe(0);
  });
});

describe('sortKeyAz', () => {
  it('orders the alphabet by plain binary comparison of keys', () => {
    expect([...alphabet].reverse().sort(compareKeys)).toEqual(alphabet);
  });

  it.each(trickyPairs)('gives "%s" a key before that of "%s"', (first, second) => {
    expect(compareKeys(first, second)).toBeLessThan(0);
  });

  it('gives a capital and its small letter the same key', () => {
    expect(sortKeyAz('İSTANBUL')).toBe(sortKeyAz('istanbul'));
    expect(sortKeyAz('ILIQ')).toBe(sortKeyAz('ılıq'));
  });

  it('orders the 48 agency names exactly as compareAz does', () => {
    expectKeyOrderMatchesCompareAz(presentationAgencies.map((agency) => agency.nameAz));
  });

  it('orders real service and category names exactly as compareAz does', () => {
    expectKeyOrderMatchesCompareAz([
      ...serviceNames,
      ...registryCategories.map((category) => category.nameAz),
    ]);
  });

  it('orders the tricky pairs exactly as compareAz does', () => {
    expectKeyOrderMatchesCompareAz(trickyPairs.flat());
  });

  it('agrees with compareAz on any text of Azerbaijani letters, digits, spaces and punctuation', () => {
    const characters = [
      ...alphabet,
      ...alphabet.map((letter) => foldAz(letter).toLocaleUpperCase('az')),
      ...'0123456789',
      ' ',
      ...'-"\'.,()',
    ];
    const text = fc
      .array(fc.constantFrom(...characters), { maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sign(compareKeys(a, b))).toBe(sign(compareAz(a, b)));
      }),
      { numRuns: 2000 },
    );
  });
});
