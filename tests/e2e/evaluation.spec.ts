import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, saveScreenshot, test } from './support/fixtures';
import { EvaluationPage } from './support/pages/evaluation-page';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';
import { ResultsPage } from './support/pages/results-page';
import { StatusBar } from './support/pages/status-bar';

const SYNCED = 'Bütün dəyişikliklər göndərilib';
const MLSPP = 'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi';
const CENTRAL = 'Mərkəzi icra hakimiyyəti orqanları';

test('an evaluator scores a service offline and syncs; an auditor opens the 2023 results, sees a provider’s trend and exports the PDF and the XLSX', async ({
  page,
  browser,
  host,
  serverLink,
  launchHost,
}) => {
  test.setTimeout(180_000);
  const desk = new EvaluationPage(page);
  const status = new StatusBar(page);

  await new LoginPage(page).open(host.url);
  await new LoginPage(page).signIn('evaluator', 'evaluator-demo');
  await expect(new HomePage(page).title).toBeVisible();
  await desk.open();
  await desk.services.getByRole('button').first().click();
  await expect(desk.result).toContainText('Xidmətin nəticəsi: 0.00 %');

  serverLink.goOffline();
  const first = desk.firstSubCriterion();
  // The choice shows once main has saved it, so the radio is clicked, not checked.
  const yes = first.getByRole('radio', { name: 'Bəli' });
  await yes.click();
  await expect(yes).toBeChecked();
  await expect(first).toContainText('göndərilməyi gözləyir');
  await first.getByLabel('Qeyd').fill('Sənədlərin siyahısı saytda dərc olunub.');
  await first.getByLabel('Sübut (sənəd, keçid)').fill('https://example.az/senedler');
  await first.getByLabel('Sübut (sənəd, keçid)').blur();
  await expect(desk.result).not.toContainText('Xidmətin nəticəsi: 0.00 %');
  await status.syncNow.click();
  await expect(status.region).toContainText(/Oflayn|müvəqqəti əlçatan deyil/);
  // One change, or two when a push was tried between the choice and the note:
  // an edit never folds into an entry that may have reached the server.
  await expect(status.region).toContainText(/Göndərilməmiş dəyişikliklər: [12] /);
  await saveScreenshot(page, 'evaluation-sheet-offline');

  serverLink.goOnline();
  await status.syncNow.click();
  await expect(status.region).toContainText(SYNCED);
  await expect(first).not.toContainText('göndərilməyi gözləyir');

  // An auditor on another machine reads the published 2023 results.
  const auditorHost = await launchHost();
  const context = await browser.newContext({ locale: 'az-AZ', timezoneId: 'Asia/Baku' });
  const auditorPage = await context.newPage();
  const results = new ResultsPage(auditorPage);
  await new LoginPage(auditorPage).open(auditorHost.url);
  await new LoginPage(auditorPage).signIn('auditor', 'auditor-demo');
  await expect(new HomePage(auditorPage).title).toBeVisible();
  await results.open();
  await results.source.selectOption({ label: '2023 — dərc olunmuş nəticələr' });
  const central = results.group(CENTRAL);
  const mlspp = central.getByRole('row').filter({ hasText: MLSPP });
  await expect(mlspp).toContainText('92.38 %');
  await expect(mlspp).toContainText('★★★★★');
  await expect(central.getByRole('row').nth(1)).toContainText(MLSPP);
  await mlspp.getByRole('button', { name: MLSPP }).click();
  await expect(
    auditorPage.getByText(`${MLSPP}: illər üzrə nəticə`).first(),
  ).toBeVisible();
  await expect(auditorPage.locator('.trend-chart svg').first()).toBeVisible();
  await saveScreenshot(auditorPage, 'results-2023-with-trend');

  await results.exportButton('PDF').click();
  await expect(results.saved).toContainText('Saxlanıldı:');
  const pdfPath = await results.savedPath();
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8');
  expect(text).toContain('Azərbaycan Respublikasının Əmək və Əhalinin Sosial');
  expect(text).toContain('Mədəniyyət Nazirliyi');
  expect(text).toContain('92.38');
  expect(text).toMatch(/SHA-256: [0-9a-f]{64}/);

  await results.exportButton('XLSX').click();
  await expect(results.saved).toContainText('.xlsx');
  const xlsxPath = await results.savedPath();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const cells = workbook.worksheets.flatMap((sheet) =>
    sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])),
  );
  expect(cells).toContain(MLSPP);
  expect(cells).toContain(0.9238);

  // The same export again asks before replacing the file.
  await results.exportButton('PDF').click();
  const question = auditorPage.getByRole('alertdialog', { name: 'Fayl artıq mövcuddur' });
  await expect(question).toContainText(pdfPath);
  const before = fs.statSync(pdfPath).mtimeMs;
  await question.getByRole('button', { name: 'Əvəz et' }).click();
  await expect(results.saved).toContainText(pdfPath);
  expect(fs.statSync(pdfPath).mtimeMs).toBeGreaterThanOrEqual(before);
  await context.close();
});
