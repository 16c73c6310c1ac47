import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A fresh temp folder for one test file's reports, removed by the returned function. */
export function tempReportDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dxer-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The text of a PDF as poppler's pdftotext lays it out, pages split by form feeds. */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  return stdout;
}

/** Poppler's font list of a PDF (pdffonts), one font a line. */
export async function pdfFonts(file: string): Promise<string> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout;
}

/** Renders one page to `outBase`.png with pdftoppm and returns the PNG's path. */
export async function renderPage(
  file: string,
  page: number,
  outBase: string,
  dpi = 60,
): Promise<string> {
  const pageArg = String(page);
  await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    pageArg,
    '-l',
    pageArg,
    '-singlefile',
    file,
    outBase,
  ]);
  return `${outBase}.png`;
}

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Text with every run of white space made one space, so wrapped lines read as one. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Where tests leave files for people to look at (kept after the run). */
export function resultsDir(...parts: string[]): string {
  const dir = path.join('test-results', ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
