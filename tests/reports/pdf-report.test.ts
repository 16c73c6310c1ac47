import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import { writePdfReport } from '../../src-main/reports/pdf-report';
import { reportDigest } from '../../src-main/reports/report-digest';
import { pdfDigest } from '../../src-main/reports/pdf-digest';
import { central2023Rows, longGroup, testReport } from './support/report-fixture';
import {
  oneLine,
  pdfFonts,
  pdfText,
  pngSize,
  renderPage,
  resultsDir,
  tempReportDir,
} from './support/report-files';

const groupHeadings = {
  az: ['Mərkəzi icra hakimiyyəti orqanları', 'Yerli icra hakimiyyəti orqanları'],
  en: ['Central executive bodies', 'Local executive bodies'],
  ru: [
    'Центральные органы исполнительной власти',
    'Местные органы исполнительной власти',
  ],
};

describe('the PDF report', () => {
  const temp = tempReportDir('pdf-report');
  const report = testReport();
  const digest = reportDigest(report);
  const file = path.join(temp.dir, 'hesabat-2023.pdf');
  const progress: Array<[number, number]> = [];
  let text = '';

  beforeAll(async () => {
    await writePdfReport(report, file, {
      language: 'az',
      onProgress: (done, total) => progress.push([done, total]),
    });
    text = await pdfText(file);
  });
  afterAll(() => temp.remove());

  it('has the Azerbaijani title, the summary and both group headings', () => {
    const flat = oneLine(text);
    expect(flat).toContain('ASAN xidmət indeksi — 2023-cü ilin nəticələri');
    expect(flat).toContain('Qiymətləndirilmiş qurumların və xidmətlərin sayı');
    expect(flat).toMatch(/Mərkəzi icra hakimiyyəti orqanları 23 208/);
    expect(flat).toMatch(/Yerli icra hakimiyyəti orqanları 5 40/);
    expect(flat).toMatch(/Cəmi 28 248/);
    for (const heading of groupHeadings.az) expect(flat).toContain(heading);
  });

  it('lists every central provider in rank order with its exact name, percent and stars', () => {
    const start = text.indexOf('Mərkəzi icra hakimiyyəti orqanları\n');
    const end = text.indexOf('Nəticələr, %', start);
    const table = oneLine(text.slice(start, end));
    let from = 0;
    central2023Rows.forEach(([name, percent, stars], index) => {
      const row =
        `${index + 1} ${name} ${percent.toFixed(2)} % ` +
        `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}`;
      const at = table.indexOf(row, from);
      expect(at, `row ${index + 1}: ${row}`).toBeGreaterThanOrEqual(from);
      from = at + row.length;
    });
  });

  it('marks a shared rank "2=" and names the tied providers in a footnote', () => {
    const flat = oneLine(text);
    expect(flat).toContain('2= Bakı Şəhəri Binəqədi Rayon İcra Hakimiyyəti 46.77 %');
    expect(flat).toContain('2= Bakı şəhəri Yasamal Rayon İcra Hakimiyyəti 46.77 %');
    expect(flat).toContain(
      '2= — bərabər yer: Bakı Şəhəri Binəqədi Rayon İcra Hakimiyyəti; ' +
        'Bakı şəhəri Yasamal Rayon İcra Hakimiyyəti',
    );
    expect(flat).toContain('4 Bakı şəhəri Qaradağ Rayon İcra Hakimiyyəti 34.67 %');
  });

  it('puts the methodology, data date, page number and digest in every page footer', () => {
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      const flat = oneLine(page);
      expect(flat).toContain(`SHA-256: ${digest}`);
      expect(flat).toContain(`Səhifə ${index + 1} / ${pages.length}`);
      expect(flat).toContain('ASAN xidmət indeksi metodologiyası 2023, versiya 3');
      expect(flat).toContain('Məlumatların tarixi: 2024-02-29');
    });
  });

  it('carries the digest in its metadata, where it is read back', () => {
    expect(pdfDigest(fs.readFileSync(file))).toBe(digest);
  });

  it('embeds DejaVu Sans and uses no unembedded standard font', async () => {
    const fonts = await pdfFonts(file);
    expect(fonts).toMatch(/DejaVuSans\s/);
    expect(fonts).toMatch(/DejaVuSans-Bold/);
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) {
      expect(line, line).toMatch(/\syes\s+yes\s+yes\s/);
    }
  });

  it('reports progress step by step up to the total', () => {
    const total = report.groups.length + 2;
    expect(progress).toEqual(
      Array.from({ length: total }, (_, index) => [index + 1, total] as [number, number]),
    );
  });

  it('renders page one to a PNG of A4 proportions', async () => {
    const png = await renderPage(
      file,
      1,
      path.join(resultsDir('reports'), 'report-az-page1'),
    );
    const { width, height } = pngSize(png);
    // A4 at 60 dpi is 496 × 702 pixels.
    expect(Math.abs(width - 496)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - 702)).toBeLessThanOrEqual(2);
    expect(fs.statSync(png).size).toBeGreaterThan(5_000);
    await renderPage(file, 2, path.join(resultsDir('reports'), 'report-az-page2'), 90);
  });
});

describe('the PDF report in English and Russian', () => {
  const temp = tempReportDir('pdf-report-en-ru');
  afterAll(() => temp.remove());

  it.each([
    ['en', 'ASAN service index — results for 2023', '92.38%', 'Page 1 of'],
    ['ru', 'Индекс ASAN xidmət — итоги 2023 года', '92,38 %', 'Стр. 1 из'],
  ] as const)(
    'writes %s headings, figures and footer',
    async (language, title, figure, page) => {
      const file = path.join(temp.dir, `report-${language}.pdf`);
      await writePdfReport(testReport(), file, { language });
      const flat = oneLine(await pdfText(file));

      expect(flat).toContain(title);
      for (const heading of groupHeadings[language]) expect(flat).toContain(heading);
      expect(flat).toContain(
        `Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi ${figure}`,
      );
      expect(flat).toContain(page);
    },
  );

  it('uses a title given by the caller', async () => {
    const file = path.join(temp.dir, 'titled.pdf');
    await writePdfReport(testReport(), file, {
      language: 'az',
      title: 'Kollegiya üçün arayış: ASAN xidmət indeksi',
    });
    expect(oneLine(await pdfText(file))).toContain(
      'Kollegiya üçün arayış: ASAN xidmət indeksi',
    );
  });
});

describe('a group longer than a page', () => {
  const temp = tempReportDir('pdf-report-long');
  afterAll(() => temp.remove());

  it('continues its table on the next pages under a repeated header', async () => {
    const report: EvaluationReport = {
      ...testReport(),
      groups: [longGroup('other', 90)],
    };
    const file = path.join(temp.dir, 'long.pdf');
    await writePdfReport(report, file, { language: 'az' });
    const pages = (await pdfText(file)).split('\f').filter((page) => page.trim() !== '');
    const tablePages = pages.filter((page) => page.includes('Xidmət təminatçısı'));

    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    expect(oneLine(tablePages[0] ?? '')).toContain('Digər S/s Xidmət təminatçısı');
    for (const page of tablePages.slice(1)) {
      expect(oneLine(page)).toContain('Digər (davamı) S/s Xidmət təminatçısı Nəticə (%)');
    }
    const flat = oneLine(tablePages.join(' '));
    for (const provider of report.groups[0]?.providers ?? []) {
      expect(flat).toContain(
        `${provider.rank} ${provider.name} ${provider.percent.toFixed(2)} %`,
      );
    }
  });
});
