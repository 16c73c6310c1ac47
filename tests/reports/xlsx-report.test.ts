import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDigest } from '../../src-main/reports/report-digest';
import {
  PERCENT_FORMAT,
  fractionToPercent,
  percentToFraction,
  writeXlsxReport,
} from '../../src-main/reports/xlsx-report';
import { central2023Rows, testReport } from './support/report-fixture';
import { tempReportDir } from './support/report-files';

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}"`);
  return sheet;
}

describe('the XLSX report', () => {
  const temp = tempReportDir('xlsx-report');
  const report = testReport();
  const file = path.join(temp.dir, 'hesabat-2023.xlsx');
  const progress: Array<[number, number]> = [];
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    await writeXlsxReport(report, file, {
      language: 'az',
      onProgress: (done, total) => progress.push([done, total]),
    });
    workbook = await readWorkbook(file);
  });
  afterAll(() => temp.remove());

  it('has a summary sheet, one sheet per group and a verification sheet', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Xülasə',
      'Mərkəzi icra hakimiyyəti',
      'Yerli icra hakimiyyəti',
      'Yoxlama',
    ]);
    const summary = sheetOf(workbook, 'Xülasə');
    expect(summary.getCell('A1').value).toBe(
      'ASAN xidmət indeksi — 2023-cü ilin nəticələri',
    );
    expect(summary.getRow(3).values).toEqual([
      undefined,
      'Qrup',
      'Qurumların sayı',
      'Xidmətlərin sayı',
    ]);
    expect(summary.getRow(4).values).toEqual([
      undefined,
      'Mərkəzi icra hakimiyyəti orqanları',
      23,
      208,
    ]);
    expect(summary.getRow(5).values).toEqual([
      undefined,
      'Yerli icra hakimiyyəti orqanları',
      5,
      40,
    ]);
    expect(summary.getRow(6).values).toEqual([undefined, 'Cəmi', 28, 248]);
  });

  it('gives each group sheet a bold, frozen header and set column widths', () => {
    const sheet = sheetOf(workbook, 'Mərkəzi icra hakimiyyəti');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'S/s',
      'Xidmət təminatçısı',
      'Nəticə (%)',
      'Ulduzların sayı',
      'ASAN indeks',
      'Xidmətlərin sayı',
    ]);
    for (let column = 1; column <= 6; column += 1) {
      expect(sheet.getRow(1).getCell(column).font?.bold).toBe(true);
    }
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.columns.map((column) => column.width)).toEqual([8, 82, 13, 11, 13, 13]);
  });

  it('stores results as numbers with a percent format, and names exactly', () => {
    const sheet = sheetOf(workbook, 'Mərkəzi icra hakimiyyəti');
    expect(sheet.rowCount).toBe(1 + central2023Rows.length);
    central2023Rows.forEach(([name, percent, stars], index) => {
      const row = sheet.getRow(index + 2);
      const result = row.getCell(3);
      expect(row.getCell(1).value).toBe(index + 1);
      expect(row.getCell(2).value).toBe(name);
      expect(typeof result.value).toBe('number');
      expect(result.value).toBe(percentToFraction(percent));
      expect(fractionToPercent(Number(result.value))).toBe(percent);
      expect(result.numFmt).toBe(PERCENT_FORMAT);
      expect(row.getCell(4).value).toBe(stars);
      expect(row.getCell(5).value).toBe('★'.repeat(stars) + '☆'.repeat(5 - stars));
      expect(typeof row.getCell(6).value).toBe('number');
    });
    expect(sheet.getCell('C2').value).toBe(0.9238);
    // 70.83 / 100 would be 0.7082999999999999.
    expect(sheet.getCell('C4').value).toBe(0.7083);
  });

  it('keeps a shared rank a number and explains it in a note', () => {
    const sheet = sheetOf(workbook, 'Yerli icra hakimiyyəti');
    expect(sheet.getCell('A3').value).toBe(2);
    expect(sheet.getCell('A4').value).toBe(2);
    expect(sheet.getCell('A5').value).toBe(4);
    const note = sheet.getCell('A3').note;
    const noteText =
      typeof note === 'string'
        ? note
        : (note?.texts ?? []).map((part: { text: string }) => part.text).join('');
    expect(noteText).toContain(
      '2= — bərabər yer: Bakı Şəhəri Binəqədi Rayon İcra Hakimiyyəti',
    );
    expect(noteText).toContain('Bakı şəhəri Yasamal Rayon İcra Hakimiyyəti');
  });

  it('carries the digest and where the data came from', () => {
    const sheet = sheetOf(workbook, 'Yoxlama');
    const rows = new Map<unknown, unknown>();
    sheet.eachRow((row) => rows.set(row.getCell(1).value, row.getCell(2).value));

    expect(rows.get('SHA-256')).toBe(reportDigest(report));
    expect(rows.get('Qiymətləndirmə kampaniyası')).toBe(report.campaignId);
    expect(rows.get('Metodologiya')).toBe('ASAN xidmət indeksi metodologiyası 2023');
    expect(rows.get('Metodologiyanın versiyası')).toBe(3);
    expect(rows.get('Məlumatların tarixi')).toBe('2024-02-29T16:30:00+04:00');
    expect(workbook.keywords).toBe(`sha256:${reportDigest(report)}`);
  });

  it('reports progress step by step up to the total', () => {
    const total = report.groups.length + 3;
    expect(progress.map(([done]) => done)).toEqual(
      Array.from({ length: total }, (_, index) => index + 1),
    );
    expect(new Set(progress.map(([, t]) => t))).toEqual(new Set([total]));
  });
});

describe('the XLSX report in other languages', () => {
  const temp = tempReportDir('xlsx-report-en-ru');
  afterAll(() => temp.remove());

  it.each([
    [
      'en',
      ['Summary', 'Central executive bodies', 'Local executive bodies', 'Verification'],
    ],
    ['ru', ['Сводка', 'Центральные органы', 'Местные органы', 'Проверка']],
  ] as const)('names its %s sheets in that language', async (language, names) => {
    const file = path.join(temp.dir, `report-${language}.xlsx`);
    await writeXlsxReport(testReport(), file, { language });
    const workbook = await readWorkbook(file);

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
    expect(workbook.worksheets[1]?.getCell('C2').value).toBe(0.9238);
  });
});
