import fs from 'node:fs/promises';
import { fieldErrorsFromZod } from '../../shared/errors';
import { evaluationReportSchema } from '../../shared/reports/evaluation-report';
import type { Logger } from '../logger';
import { MISMATCH_LIMIT } from './report-content-check';
import { verifyReport } from './verify-report';

/** How `npm run report:verify` ends: the file matches its data, does not, or was not checked. */
export const EXIT_MATCH = 0;
export const EXIT_MISMATCH = 1;
export const EXIT_NOT_CHECKED = 2;

const USAGE =
  'usage: npm run report:verify -- <report file (.pdf, .xlsx or .csv)> <report data JSON file>';

/** What the command needs from its process. */
export interface VerifyReportCommandDeps {
  args: readonly string[];
  logger: Logger;
  /** Where the one-line verdict goes. */
  print: (line: string) => void;
}

/**
 * Checks a report file against the evaluation report data (the JSON the app
 * saves beside an export, or one recomputed from the campaign) and prints
 * one line naming both digests; returns the exit code.
 */
export async function runVerifyReportCommand(
  deps: VerifyReportCommandDeps,
): Promise<number> {
  const { logger, print } = deps;
  const [reportFile, dataFile, ...rest] = deps.args;
  if (!reportFile || !dataFile || rest.length > 0) {
    print(USAGE);
    return EXIT_NOT_CHECKED;
  }

  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(dataFile, 'utf8'));
  } catch (error) {
    logger.error({ err: error, dataFile }, 'could not read the report data');
    print(`report not verified: could not read the data file: ${reason(error)}`);
    return EXIT_NOT_CHECKED;
  }
  const parsed = evaluationReportSchema.safeParse(data);
  if (!parsed.success) {
    const fields = fieldErrorsFromZod(parsed.error);
    logger.error({ dataFile, fields }, 'the report data is not an evaluation report');
    const first = fields[0];
    print(
      `report not verified: the data file is not an evaluation report ` +
        `(${first ? `${first.path || '(root)'}: ${first.message}` : 'invalid'})`,
    );
    return EXIT_NOT_CHECKED;
  }

  try {
    const verdict = await verifyReport(reportFile, parsed.data);
    const digests = `file carries ${verdict.found ?? 'no digest'}, data gives ${verdict.expected}`;
    if (verdict.ok) {
      logger.info({ reportFile, ...verdict }, 'report matches its data');
      const scope = verdict.isContentChecked
        ? 'digest and content'
        : 'digest only, pages not compared';
      print(`report verified (${verdict.format}, ${scope}): ${digests}`);
      return EXIT_MATCH;
    }
    logger.warn({ reportFile, ...verdict }, 'report does not match its data');
    const count = verdict.mismatches.length;
    const content =
      count > 0
        ? `; ${count}${count >= MISMATCH_LIMIT ? '+' : ''} content difference(s), ` +
          `first: ${verdict.mismatches[0]}`
        : '';
    print(`report does NOT match its data (${verdict.format}): ${digests}${content}`);
    return EXIT_MISMATCH;
  } catch (error) {
    logger.error({ err: error, reportFile }, 'could not read the report file');
    print(`report not verified: could not read the report file: ${reason(error)}`);
    return EXIT_NOT_CHECKED;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
