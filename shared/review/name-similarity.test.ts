import { describe, expect, it } from 'vitest';
import {
  buildNameIndex,
  normalizeServiceName,
  similarServiceNames,
  type NameCandidate,
} from './name-similarity';

/** Names from the registry as agencies write them. */
const registry: NameCandidate[] = [
  { id: 'driving', name: 'Sürücülük vəsiqəsinin verilməsi' },
  { id: 'driving-swap', name: 'Sürücülük vəsiqəsinin dəyişdirilməsi' },
  { id: 'identity', name: 'Şəxsiyyət vəsiqəsinin verilməsi' },
  { id: 'accident', name: 'İSTEHSALAT QƏZASI HAQQINDA ARAYIŞIN VERİLMƏSİ' },
  { id: 'disability', name: 'ƏLİLLİYİN MÜƏYYƏN EDİLMƏSİ' },
  { id: 'signature', name: '«Asan İmza» sertifikatının verilməsi' },
  { id: 'military', name: 'Hərbi biletin verilməsi' },
  { id: 'marriage', name: 'Nikahın dövlət qeydiyyatı' },
  { id: 'customs', name: 'Gömrük bəyannaməsinin qəbulu' },
  { id: 'form-2', name: 'Forma 2 üzrə arayış' },
  {
    id: 'passport',
    name: 'Ümumvətəndaş pasportunun verilməsi',
    aliases: ['Xarici pasportun verilməsi'],
  },
];

function flagged(proposed: string, candidates = registry) {
  return similarServiceNames(proposed, candidates).map((match) => [
    match.id,
    match.reason,
  ]);
}

describe('normalizeServiceName', () => {
  it('lower-cases by Azerbaijani rules: İ to i and I to ı', () => {
    expect(normalizeServiceName('İSTEHSALAT')).toBe('istehsalat');
    expect(normalizeServiceName('ARAYIŞ')).toBe('arayış');
    expect(normalizeServiceName('ƏLİLLİK')).toBe('əlillik');
  });

  it('drops quotes and punctuation and collapses spaces', () => {
    expect(normalizeServiceName('  «Asan   İmza» — “sertifikat”, (elektron)!  ')).toBe(
      'asan imza sertifikat elektron',
    );
  });

  it('drops the filler words of service names', () => {
    expect(normalizeServiceName('Doğum haqqında şəhadətnamənin verilməsi')).toBe(
      'doğum şəhadətnamə',
    );
    expect(normalizeServiceName('Dövlət xidmətləri üzrə və ilə barədə üçün')).toBe('');
  });

  it('trims case, possessive and plural endings so inflected forms meet', () => {
    expect(normalizeServiceName('Sürücülük vəsiqəsinin verilməsi')).toBe(
      normalizeServiceName('sürücülük vəsiqəsi verilməsi'),
    );
    expect(normalizeServiceName('sənədlərin')).toBe('sənəd');
    expect(normalizeServiceName('pasportunun')).toBe('pasport');
  });

  it('keeps at least three letters of a word', () => {
    expect(normalizeServiceName('su')).toBe('su');
    expect(normalizeServiceName('ünü')).toBe('ünü');
  });

  it('keeps numbers, which tell forms and categories apart', () => {
    expect(normalizeServiceName('Forma 10 üzrə arayış')).toBe('forma 10 arayış');
  });
});

describe('similarServiceNames', () => {
  it('finds the same name in other capitals, with İ and i', () => {
    const [match] = similarServiceNames(
      'İstehsalat qəzası haqqında arayışın verilməsi',
      registry,
    );

    expect(match).toEqual({
      id: 'accident',
      name: 'İSTEHSALAT QƏZASI HAQQINDA ARAYIŞIN VERİLMƏSİ',
      matchedText: 'İSTEHSALAT QƏZASI HAQQINDA ARAYIŞIN VERİLMƏSİ',
      score: 1,
      reason: 'SAME_NAME',
    });
  });

  it('finds the same name in capitals with Ə and İ', () => {
    expect(flagged('Əlilliyin müəyyən edilməsi')).toEqual([['disability', 'SAME_NAME']]);
  });

  it('tells a plain I from İ but still flags the name as the same words', () => {
    // "ISTEHSALAT" with a dotless I folds to "ıstehsalat", another spelling.
    const [match] = similarServiceNames(
      'ISTEHSALAT QƏZASI HAQQINDA ARAYIŞIN VERILMƏSI',
      registry,
    );

    expect(match?.id).toBe('accident');
    expect(match?.reason).toBe('SAME_WORDS');
    expect(match?.score).toBeLessThan(1);
  });

  it('flags a name typed without Azerbaijani letters', () => {
    expect(flagged('Suruculuk vesiqesinin verilmesi')[0]).toEqual([
      'driving',
      'SAME_WORDS',
    ]);
  });

  it('treats another inflection of the same words as the same name', () => {
    expect(flagged('sürücülük vəsiqəsi verilməsi')[0]).toEqual(['driving', 'SAME_NAME']);
  });

  it('flags the same words in another order, below the same name', () => {
    const matches = similarServiceNames('Vəsiqəsinin sürücülük verilməsi', registry);

    expect(matches[0]?.reason).toBe('SAME_WORDS');
    expect(matches[0]?.score).toBeGreaterThan(0.9);
    expect(matches[0]?.score).toBeLessThan(1);
  });

  it('ignores quotes and punctuation', () => {
    expect(flagged('"Asan İmza" sertifikatı')).toEqual([['signature', 'SAME_NAME']]);
  });

  it('flags a name that shares most of its words as similar, best first', () => {
    const matches = similarServiceNames('Sürücülük vəsiqəsinin bərpası', registry);

    expect(matches.map((match) => match.id)).toEqual(['driving', 'driving-swap']);
    expect(matches.every((match) => match.reason === 'SIMILAR')).toBe(true);
    expect(matches[0]?.score).toBeGreaterThanOrEqual(matches[1]?.score ?? 1);
  });

  it('flags a form with another number as similar, since it may be the same', () => {
    expect(flagged('Forma 3 üzrə arayış')).toEqual([['form-2', 'SIMILAR']]);
  });

  it('does not flag names that only share a common word', () => {
    const identity = registry.filter((candidate) => candidate.id === 'identity');

    expect(flagged('Sürücülük vəsiqəsinin verilməsi', identity)).toEqual([]);
  });

  it('flags nothing for clearly different services', () => {
    expect(flagged('Balıqçılıq üçün icazənin verilməsi')).toEqual([]);
    expect(flagged('Torpaq sahəsinin icarəyə verilməsi')).toEqual([]);
  });

  it('flags nothing for a name made only of filler words', () => {
    expect(flagged('Dövlət xidmətinin verilməsi')).toEqual([]);
  });

  it('matches an alias and says which text matched', () => {
    const [match] = similarServiceNames('xarici pasport verilməsi', registry);

    expect(match).toMatchObject({
      id: 'passport',
      name: 'Ümumvətəndaş pasportunun verilməsi',
      matchedText: 'Xarici pasportun verilməsi',
      reason: 'SAME_NAME',
    });
  });

  it('reports each candidate once, by its closest text', () => {
    const candidates = [
      { id: 'a', name: 'Hərbi bilet', aliases: ['Hərbi biletin verilməsi'] },
    ];

    expect(similarServiceNames('Hərbi bilet', candidates)).toHaveLength(1);
  });

  it('takes a threshold and a limit', () => {
    const loose = similarServiceNames('Sürücülük vəsiqəsi', registry, { threshold: 0.3 });
    const limited = similarServiceNames('Sürücülük vəsiqəsi', registry, {
      threshold: 0.3,
      limit: 1,
    });

    expect(loose.map((match) => match.id)).toContain('identity');
    expect(limited.map((match) => match.id)).toEqual(['driving']);
  });

  it('leaves out the service whose own name is being changed', () => {
    const matches = similarServiceNames('Sürücülük vəsiqəsinin verilməsi', registry, {
      excludeId: 'driving',
    });

    expect(matches.map((match) => match.id)).not.toContain('driving');
  });
});

describe('buildNameIndex', () => {
  it('answers as similarServiceNames does, check after check', () => {
    const index = buildNameIndex(registry);

    for (const proposed of [
      'Sürücülük vəsiqəsinin bərpası',
      'Əlilliyin müəyyən edilməsi',
      'Forma 3 üzrə arayış',
      'Balıqçılıq üçün icazə',
      'Sürücülük vəsiqəsinin bərpası',
    ]) {
      expect(index.similar(proposed)).toEqual(similarServiceNames(proposed, registry));
    }
  });

  it('indexes every name and alias that has words left', () => {
    const index = buildNameIndex([...registry, { id: 'empty', name: 'Dövlət xidməti' }]);

    // One entry per name, one for the passport's alias, none for the filler-only name.
    expect(index.size).toBe(registry.length + 1);
  });

  it('finds a near duplicate among many unrelated names', () => {
    const many: NameCandidate[] = Array.from({ length: 5_000 }, (_, i) => ({
      id: `n${i}`,
      name: `Reyestrdən ${i} nömrəli çıxarışın verilməsi`,
    }));
    many.push({ id: 'target', name: 'Sürücülük vəsiqəsinin verilməsi' });

    const [match] = buildNameIndex(many).similar('Sürücülük vəsiqəsi');

    expect(match).toMatchObject({ id: 'target', reason: 'SAME_NAME' });
  });
});
