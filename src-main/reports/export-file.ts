import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
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
 * Writes a report to a temporary file in the chosen folder, flushes it to
 * disk and only then renames it to the chosen name, so a crash or a failed
 * write never leaves a half-written report under that name (the rename is
 * atomic within one file system, which the same folder guarantees). An
 * existing file is replaced only when `overwrite` is set; otherwise the
 * export is refused with ALREADY_EXISTS, checked again at the final step so
 * a file created meanwhile is not replaced either.
 */
export async function exportReport(
  request: ExportReportRequest,
): Promise<ExportedReport> {
  const { report, format, filePath, overwrite } = request;
  const log = request.logger?.child({ module: 'report-export' });
  const target = path.resolve(filePath);
  if (!overwrite && (await exists(target))) throw alreadyExists(target);

  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomUUID().slice(0, 8)}.partial`,
  );
  let writerTotal = 1;
  const progress = (done: number, total: number) => {
    writerTotal = total;
    request.onProgress?.(done, total + 1);
  };
  const started = performance.now();
  try {
    await writeReport(request, temp, progress);
    await flushToDisk(temp);
    await moveIntoPlace(temp, target, overwrite);
  } catch (error) {
    await fs.rm(temp, { force: true });
    log?.warn({ err: error, format, filePath: target }, 'report export failed');
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

/**
 * Without overwrite, a hard link claims the name only if it is still free
 * (the check before writing could be stale by now). File systems without
 * hard links (FAT32 sticks, some network shares) fall back to a check and a
 * rename, which a file created in between could lose to.
 */
async function moveIntoPlace(temp: string, target: string, overwrite: boolean) {
  if (overwrite) {
    await fs.rename(temp, target);
    return;
  }
  try {
    await fs.link(temp, target);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw alreadyExists(target);
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EINVAL'].includes(errorCode(error))) {
      throw error;
    }
    if (await exists(target)) throw alreadyExists(target);
    await fs.rename(temp, target);
    return;
  }
  await fs.rm(temp, { force: true });
}

async function flushToDisk(filePath: string): Promise<void> {
  const handle = await fs.open(filePath, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

function alreadyExists(filePath: string): DomainError {
  return new DomainError(
    'ALREADY_EXISTS',
    `A file named ${path.basename(filePath)} already exists in that folder; ` +
      'choose another name or allow replacing it.',
    [{ path: 'filePath', message: 'already exists' }],
  );
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}
