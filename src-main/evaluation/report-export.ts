import fs from 'node:fs/promises';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { ExportResult, ReportSource } from '../../shared/contract/evaluation-views';
import type { Language } from '../../shared/contract/contract';
import { DomainError } from '../../shared/errors';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import type { ChooseSavePath } from '../app/save-path';
import { saveFileSafely } from '../files/safe-save';
import { exportReport } from '../reports/export-file';
import { resultsView } from './results-views';

export interface ExportRequest {
  source: ReportSource;
  format: 'pdf' | 'xlsx' | 'csv';
  filePath?: string;
  overwrite: boolean;
}

/** The file name offered in the save dialog: what the report is, in the user's language. */
function suggestedName(
  source: ReportSource,
  year: number,
  format: ExportRequest['format'],
  language: Language,
): string {
  const base = { az: 'ASAN-indeksi', en: 'ASAN-index', ru: 'Indeks-ASAN' }[language];
  const what = source.kind === 'published' ? 'derc' : 'kampaniya';
  return `${base}-${year}-${what}.${format}`;
}

/**
 * Saves the data a report was computed from beside it, so an auditor can
 * check the file with `npm run report:verify -- <report> <report>.json`
 * without this computer.
 */
async function writeReportData(
  filePath: string,
  report: EvaluationReport,
): Promise<void> {
  await saveFileSafely({
    filePath,
    // It belongs to the report just written, whose replacement the user chose.
    overwrite: true,
    write: (temp) => fs.writeFile(temp, `${JSON.stringify(report, null, 2)}\n`, 'utf8'),
  });
}

/**
 * Writes the report of a source where the user chooses, and its data beside it. A file already
 * there is not replaced unless the user confirmed (overwrite); the answer
 * then says it exists and nothing is written. Progress goes out as events.
 */
export async function exportResults(
  db: Knex,
  request: ExportRequest,
  deps: {
    chooseSavePath: ChooseSavePath;
    language: Language;
    onProgress: (done: number, total: number) => void;
    logger: Logger;
  },
): Promise<ExportResult> {
  const { report } = await resultsView(db, request.source);
  const filePath =
    request.filePath ??
    (await deps.chooseSavePath({
      fileName: suggestedName(request.source, report.year, request.format, deps.language),
      format: request.format,
    }));
  if (filePath === null) return { kind: 'cancelled' };

  try {
    const written = await exportReport({
      report,
      format: request.format,
      filePath,
      overwrite: request.overwrite,
      language: deps.language,
      onProgress: deps.onProgress,
      logger: deps.logger,
    });
    await writeReportData(`${written.filePath}.json`, report);
    return { kind: 'saved', filePath: written.filePath, digest: written.digest };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ALREADY_EXISTS') {
      return { kind: 'exists', filePath };
    }
    throw error;
  }
}
