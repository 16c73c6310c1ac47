import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import { exportReport } from '../../src-main/reports/export-file';
import { readReportDigest } from '../../src-main/reports/read-report-digest';
import { reportDigest } from '../../src-main/reports/report-digest';
import { testReport } from './support/report-fixture';
import { tempReportDir } from './support/report-files';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A report the writers fail on midway: a star count the schema would refuse. */
function brokenReport(): EvaluationReport {
  const report = testReport();
  const provider = report.groups[1]?.providers[0];
  if (provider) provider.stars = -1;
  return report;
}

/** Runs an export in a child process killed just before the file is moved into place. */
function crashedExport(format: string, filePath: string, overwrite: boolean) {
  return new Promise<NodeJS.Signals | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'support/export-crash-child.ts'),
        format,
        filePath,
        ...(overwrite ? ['overwrite'] : []),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`child exited ${code}: ${errors}`)),
    );
  });
}

describe('exporting a report to a file', () => {
  const temp = tempReportDir('export-file');
  afterAll(() => temp.remove());
  const folder = (name: string) => {
    const dir = path.join(temp.dir, name);
    fs.mkdirSync(dir);
    return dir;
  };

  it.each(['pdf', 'xlsx', 'csv'] as const)(
    'writes a %s under the chosen name and nothing else in the folder',
    async (format) => {
      const dir = folder(`new-${format}`);
      const filePath = path.join(dir, `ASAN indeksi 2023.${format}`);
      const report = testReport();
      const progress: Array<[number, number]> = [];
      const exported = await exportReport({
        report,
        format,
        filePath,
        overwrite: false,
        onProgress: (done, total) => progress.push([done, total]),
      });

      expect(exported).toEqual({
        filePath,
        digest: reportDigest(report),
        bytes: fs.statSync(filePath).size,
      });
      expect(fs.readdirSync(dir)).toEqual([`ASAN indeksi 2023.${format}`]);
      expect(await readReportDigest(filePath)).toEqual({
        format,
        digest: reportDigest(report),
      });
      const total = progress[0]?.[1] ?? 0;
      expect(progress.map(([done]) => done)).toEqual(
        Array.from({ length: total }, (_, index) => index + 1),
      );
      expect(progress.every(([, t]) => t === total)).toBe(true);
    },
  );

  it('refuses to replace an existing file unless asked, leaving it as it was', async () => {
    const dir = folder('existing');
    const filePath = path.join(dir, 'hesabat.pdf');
    fs.writeFileSync(filePath, 'köhnə hesabat');

    const refusal = exportReport({
      report: testReport(),
      format: 'pdf',
      filePath,
      overwrite: false,
    });
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(fs.readFileSync(filePath, 'utf8')).toBe('köhnə hesabat');
    expect(fs.readdirSync(dir)).toEqual(['hesabat.pdf']);

    await exportReport({
      report: testReport(),
      format: 'pdf',
      filePath,
      overwrite: true,
    });
    expect(fs.readFileSync(filePath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readdirSync(dir)).toEqual(['hesabat.pdf']);
  });

  it.each(['pdf', 'xlsx'] as const)(
    'leaves neither a partial %s nor a temp file when the writer fails midway',
    async (format) => {
      const dir = folder(`failing-${format}`);
      const fresh = path.join(dir, `yeni.${format}`);
      const existing = path.join(dir, `köhnə.${format}`);
      fs.writeFileSync(existing, 'əvvəlki versiya');

      await expect(
        exportReport({
          report: brokenReport(),
          format,
          filePath: fresh,
          overwrite: false,
        }),
      ).rejects.toThrow();
      await expect(
        exportReport({
          report: brokenReport(),
          format,
          filePath: existing,
          overwrite: true,
        }),
      ).rejects.toThrow();

      expect(fs.readdirSync(dir)).toEqual([`köhnə.${format}`]);
      expect(fs.readFileSync(existing, 'utf8')).toBe('əvvəlki versiya');
    },
  );

  it('removes its temp file when the report cannot be moved into place', async () => {
    const dir = folder('blocked');
    const blocked = path.join(dir, 'hesabat.csv');
    fs.mkdirSync(blocked);
    fs.writeFileSync(path.join(blocked, 'içindəki.txt'), 'qovluq boş deyil');

    await expect(
      exportReport({
        report: testReport(),
        format: 'csv',
        filePath: blocked,
        overwrite: true,
      }),
    ).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['hesabat.csv']);
    expect(fs.readdirSync(blocked)).toEqual(['içindəki.txt']);
  });

  it.each(['pdf', 'xlsx', 'csv'] as const)(
    'shows no %s under the chosen name when the process is killed before the move',
    async (format) => {
      const dir = folder(`killed-${format}`);
      const fresh = path.join(dir, `yeni.${format}`);
      const existing = path.join(dir, `köhnə.${format}`);
      fs.writeFileSync(existing, 'əvvəlki versiya');

      expect(await crashedExport(format, fresh, false)).toBe('SIGKILL');
      expect(await crashedExport(format, existing, true)).toBe('SIGKILL');

      const names = fs.readdirSync(dir);
      expect(names).not.toContain(`yeni.${format}`);
      expect(fs.readFileSync(existing, 'utf8')).toBe('əvvəlki versiya');
      // What a crash leaves is a hidden temp file beside it, never the report's name.
      const left = names.filter((name) => name !== `köhnə.${format}`);
      expect(left).toHaveLength(2);
      for (const name of left) expect(name).toMatch(/^\.(yeni|köhnə)\..+\.partial$/);
    },
  );
});
