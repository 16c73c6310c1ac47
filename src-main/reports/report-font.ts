import { createRequire } from 'node:module';

/** The two weights the PDF writer uses. */
export type ReportFontWeight = 'regular' | 'bold';

const fontFiles: Record<ReportFontWeight, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

/**
 * Where the report font (DejaVu Sans: every Azerbaijani letter, Cyrillic,
 * and the ★ ☆ of the star column) is on disk, resolved through Node's
 * module resolution from this code's location.
 *
 * Packaging: both bundles keep node_modules external (packages: 'external'),
 * so `dejavu-fonts-ttf` must stay a production dependency; electron-builder
 * then ships it inside app.asar, which Electron's fs reads transparently.
 * The CommonJS bundle of the Electron main process has `require` and an
 * empty import.meta (esbuild warns "empty-import-meta" for the unused
 * branch; `logOverride: { 'empty-import-meta': 'silent' }` quiets it); the
 * ESM host bundle and tsx have import.meta.url and no working `require`.
 * tests/reports/report-font.test.ts builds both bundles and runs them.
 */
export function reportFontPath(weight: ReportFontWeight = 'regular'): string {
  // An ESM bundle defines `require` as a shim that cannot resolve, hence
  // the test for `require.resolve` itself.
  const resolver =
    typeof require === 'function' && typeof require.resolve === 'function'
      ? require
      : createRequire(import.meta.url);
  return resolver.resolve(fontFiles[weight]);
}
