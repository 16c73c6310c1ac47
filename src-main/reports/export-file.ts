import fs from 'node:fs/promises';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import { saveFileSafely } from '../files/safe-save';
import type { Logger } from '../logger';
import { writeCsvReport } from './csv-report';
import { writePdfReport } from './pdf-report';
import { reportDigest } from './report-digest';
import type { ReportFormat } from './report-format';
import type { ReportLanguage } from './report-labels';
import { writeXlsxReport } from './xlsx-report';

/** An export the user asked for: the report, where, in what form. */
export interface ExportReportRequest {
  report: EvaluationReport;
  format: ReportFormat;
  filePath: string;
  /** Replace a file already at filePath; without it the export is refused. */
  overwrite: boolean;
  /** For PDF and XLSX; Azerbaijani, the official language, when not given. */
  language?: ReportLanguage;
  title?: string;
  /** Steps done out of the total: the writer's steps, then moving the file into place. */
  onProgress?: (done: number, total: number) => void;
  logger?: Logger;
}

/** What an export wrote. */
export interface ExportedReport {
  filePath: string;
  digest: string;
  bytes: number;
}

/**
 * Writes a report where the user chose, never half-written and never over
 * an existing file unless `overwrite` is set (see saveFileSafely), with
 * progress counting the writer's steps and the move into place.
 */
export async function exportReport(
  request: ExportReportRequest,
): Promise<ExportedReport> {
  const { report, format, filePath, overwrite } = request;
  const log = request.logger?.child({ module: 'report-export' });
  let writerTotal = 1;
  const progress = (done: number, total: number) => {
    writerTotal = total;
    request.onProgress?.(done, total + 1);
  };
  const started = performance.now();
  let target: string;
  try {
    target = await saveFileSafely({
      filePath,
      overwrite,
      write: (temp) => writeReport(request, temp, progress),
    });
  } catch (error) {
    log?.warn({ err: error, format, filePath }, 'report export failed');
    throw error;
  }
  request.onProgress?.(writerTotal + 1, writerTotal + 1);

  const { size } = await fs.stat(target);
  const digest = reportDigest(report);
  log?.info(
    { format, filePath: target, bytes: size, digest, ms: performance.now() - started },
    'report exported',
  );
  return { filePath: target, digest, bytes: size };
}

function writeReport(
  request: ExportReportRequest,
  filePath: string,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const options = {
    language: request.language ?? 'az',
    ...(request.title === undefined ? {} : { title: request.title }),
    onProgress,
  };
  switch (request.format) {
    case 'pdf':
      return writePdfReport(request.report, filePath, options);
    case 'xlsx':
      return writeXlsxReport(request.report, filePath, options);
    case 'csv':
      return writeCsvReport(request.report, filePath, { onProgress });
  }
}
