import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import type { z } from 'zod';
import type {
  analyticsExportSchema,
  chartImageSchema,
} from '../../shared/contract/analytics-views';
import type { Analytics } from '../../shared/contract/analytics-views';
import type { ExportResult } from '../../shared/contract/evaluation-views';
import { DomainError } from '../../shared/errors';
import type { ChooseSavePath } from '../app/save-path';
import { saveFileSafely } from '../files/safe-save';
import { csvField } from '../reports/csv-report';
import { registryAnalytics } from './analytics-queries';

type ExportRequest = z.output<typeof analyticsExportSchema>;
type ChartImage = z.output<typeof chartImageSchema>;

/** A dashboard table as a header and rows of numbers and text. */
function tableOf(analytics: Analytics, view: ExportRequest['view']) {
  switch (view) {
    case 'byGroup':
      return {
        header: ['group', 'agencies', 'services', 'electronic', 'g2b'],
        rows: analytics.byGroup.map((r) => [
          r.group,
          r.agencies,
          r.services,
          r.electronic,
          r.g2b,
        ]),
      };
    case 'byCategory':
      return {
        header: ['category', 'agencies', 'services', 'electronic', 'g2b'],
        rows: analytics.byCategory.map((r) => [
          r.code,
          r.agencies,
          r.services,
          r.electronic,
          r.g2b,
        ]),
      };
    case 'byAgency':
      return {
        header: ['agency', 'services', 'electronic', 'g2b'],
        rows: analytics.byAgency.map((r) => [r.name, r.services, r.electronic, r.g2b]),
      };
    case 'byChannel':
      return {
        header: ['channel', 'services'],
        rows: analytics.byChannel.map((r) => [r.kind, r.services]),
      };
    case 'electronificationByYear':
      return {
        header: ['year', 'electronic', 'nonElectronic'],
        rows: analytics.electronificationByYear.map((r) => [
          r.year,
          r.electronic,
          r.nonElectronic,
        ]),
      };
  }
}

async function writeTable(
  table: ReturnType<typeof tableOf>,
  format: ExportRequest['format'],
  filePath: string,
): Promise<void> {
  if (format === 'csv') {
    const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(','));
    // A BOM so Excel reads the Azerbaijani letters as UTF-8.
    await fs.writeFile(filePath, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DXER');
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column) => (column.width = 18));
  await workbook.xlsx.writeFile(filePath);
}

/** Saves one dashboard table as XLSX (numbers as numbers) or CSV where the user chooses. */
export async function exportAnalytics(
  db: Knex,
  request: ExportRequest,
  chooseSavePath: ChooseSavePath,
): Promise<ExportResult> {
  const table = tableOf(await registryAnalytics(db, request.filters), request.view);
  const filePath =
    request.filePath ??
    (await chooseSavePath({
      fileName: `DXER-${request.view}.${request.format}`,
      format: request.format,
    }));
  if (filePath === null) return { kind: 'cancelled' };
  return saveOrExists(filePath, request.overwrite, (temp) =>
    writeTable(table, request.format, temp),
  );
}

/** Saves a chart the renderer drew as a PNG where the user chooses. */
export async function saveChartImage(
  image: ChartImage,
  chooseSavePath: ChooseSavePath,
): Promise<ExportResult> {
  const bytes = Buffer.from(
    image.dataUrl.slice(image.dataUrl.indexOf(',') + 1),
    'base64',
  );
  // The data URL's prefix says PNG; the bytes must too.
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') {
    throw new DomainError('VALIDATION_FAILED', 'The image is not a PNG', [
      { path: 'dataUrl', message: 'not a PNG' },
    ]);
  }
  const filePath =
    image.filePath ??
    (await chooseSavePath({ fileName: `${image.name}.png`, format: 'png' }));
  if (filePath === null) return { kind: 'cancelled' };
  return saveOrExists(filePath, image.overwrite, (temp) => fs.writeFile(temp, bytes));
}

async function saveOrExists(
  filePath: string,
  overwrite: boolean,
  write: (temp: string) => Promise<void>,
): Promise<ExportResult> {
  try {
    const saved = await saveFileSafely({ filePath, overwrite, write });
    return { kind: 'saved', filePath: saved, digest: '' };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ALREADY_EXISTS') {
      return { kind: 'exists', filePath };
    }
    throw error;
  }
}
