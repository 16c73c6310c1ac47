import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { reportFontPath } from '../../src-main/reports/report-font';
import { resultsDir } from './support/report-files';

const run = promisify(execFile);

describe('the report font', () => {
  it('is found in node_modules, regular and bold', () => {
    expect(path.basename(reportFontPath())).toBe('DejaVuSans.ttf');
    expect(path.basename(reportFontPath('bold'))).toBe('DejaVuSans-Bold.ttf');
    expect(fs.statSync(reportFontPath()).size).toBeGreaterThan(500_000);
  });

  it.each(['cjs', 'esm'] as const)(
    'is found from a %s bundle built as the app builds main (node_modules external)',
    async (format) => {
      const outfile = path.resolve(
        resultsDir('reports', 'bundle'),
        `font.${format === 'cjs' ? 'cjs' : 'mjs'}`,
      );
      await build({
        stdin: {
          contents:
            "import { reportFontPath } from './src-main/reports/report-font';\n" +
            "process.stdout.write(reportFontPath() + '\\n' + reportFontPath('bold'));",
          resolveDir: process.cwd(),
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        target: 'node20',
        format,
        packages: 'external',
        outfile,
        logLevel: 'silent',
      });
      const { stdout } = await run(process.execPath, [outfile]);
      const [regular, bold] = stdout.split('\n');

      expect(regular).toBe(reportFontPath());
      expect(bold).toBe(reportFontPath('bold'));
    },
  );
});
