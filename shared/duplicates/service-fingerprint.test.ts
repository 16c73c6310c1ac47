import { describe, expect, it } from 'vitest';
import { emptyServiceRecord } from '../domain/service-record';
import { fingerprintService } from './service-fingerprint';

const named = (name: string) => fingerprintService({ id: 'x', agencyId: 'a', name });

describe('fingerprintService', () => {
  it('gives one name key whatever the case, dotted or dotless i, ə typed as e, or word order', () => {
    const keys = [
      'İstehsalat qəzası haqqında arayışın verilməsi',
      'ISTEHSALAT QEZASI HAQQINDA ARAYISIN VERILMESI',
      'Arayış (istehsalat qəzası haqqında)',
    ].map((name) => named(name).nameKey);
    expect(new Set(keys)).toEqual(new Set(['arayis istehsalat qeza']));
  });

  it('keeps numbers and actions other than issuing as distinct marks', () => {
    expect(named('Forma 2 üzrə arayış').distinctMarks).toEqual(['2']);
    expect(named('Sürücülük vəsiqəsinin dəyişdirilməsi').distinctMarks).toEqual([
      'deyisdirilme',
    ]);
    expect(named('Sürücülük vəsiqəsinin verilməsi').distinctMarks).toEqual([]);
  });

  it('keys legal acts by kind and folded number, and documents by their normalized name', () => {
    const record = emptyServiceRecord();
    record.result.name = 'Sürücülük vəsiqəsi';
    record.legalActs = [
      {
        id: '1',
        kind: 'law',
        number: '1112-İVQ',
        date: '',
        title: '',
        article: '',
        url: '',
      },
      {
        id: '2',
        kind: 'cabinetDecision',
        number: '',
        date: '',
        title: 'Qaydalar haqqında',
        article: '',
        url: '',
      },
    ];
    record.documents = ['ŞƏXSİYYƏT VƏSİQƏSİ', 'Şəxsiyyət vəsiqəsinin'].map(
      (name, index) => ({
        id: String(index),
        name,
        isFetchedByAgency: false,
        sourceSystem: '',
        isOriginalRequired: false,
        note: '',
      }),
    );
    const fingerprint = fingerprintService({ id: 'x', agencyId: 'a', name: 'X', record });
    expect(fingerprint.legalActKeys).toEqual(['cabinetDecision:qayda', 'law:1112ivq']);
    expect(fingerprint.documentKeys).toEqual(['sexsiyyet vesiqe']);
    expect(fingerprint.resultWords).toEqual(['suruculuk', 'vesiqe']);
    expect(fingerprint.hasRecord).toBe(true);
  });

  it('gives the same MinHash to names that differ only in spelling and order', () => {
    expect([...named('Ov biletinin verilməsi').minHash]).toEqual([
      ...named('BİLETİN VERİLMƏSİ: OV').minHash,
    ]);
  });
});
