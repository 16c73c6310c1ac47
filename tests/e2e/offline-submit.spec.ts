import { expect, saveScreenshot, test } from './support/fixtures';
import { EditorPage } from './support/pages/editor-page';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';
import { OutboxPage } from './support/pages/outbox-page';
import { ServiceListPage } from './support/pages/service-list-page';
import { StatusBar } from './support/pages/status-bar';

const MLSPP = 'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi';
const SUBMITTED = 'Təqdim olunub';
const PENDING = 'Göndərilməyi gözləyir';
const HELD_BACK = 'Qırmızı ilə qeyd olunmuş sahələr düzəldilənədək yadda saxlanılmır';

/** What the agency user changes in each service while offline. */
const edits = [
  {
    description:
      'Oflayn düzəliş 1: müraciət ASAN xidmət mərkəzində və elektron qaydada qəbul edilir.',
    document: 'Əmək kitabçasının surəti',
    fee: '12,50',
  },
  {
    description:
      'Oflayn düzəliş 2: müavinət ərizəçinin bank hesabına köçürülür, nəticə SMS ilə bildirilir.',
    document: 'Bank hesabı haqqında arayış',
    fee: '3,20',
  },
];

test('an agency user submits two services offline; they survive a crash of the app, reach the server when the link returns, and a reviewer on another machine sees them submitted with the changes', async ({
  page,
  browser,
  host,
  serverLink,
  launchHost,
}) => {
  test.setTimeout(240_000);
  const login = new LoginPage(page);
  const home = new HomePage(page);
  const status = new StatusBar(page);
  const list = new ServiceListPage(page);
  const editor = new EditorPage(page);
  const outbox = new OutboxPage(page);

  await login.open(host.url);
  await login.signIn('agency.mlspp', 'agency.mlspp-demo');
  await expect(home.title).toBeVisible();
  await expect(status.region).toContainText('Bütün dəyişikliklər göndərilib');

  // Three published services of the agency: two to submit, one for a half-typed e-mail.
  await list.open();
  await list.agencyFilter.selectOption({ label: MLSPP });
  await list.statusFilter.selectOption({ label: 'Təsdiqlənib' });
  await expect(list.rows().nth(2)).toBeVisible();
  const names = [await list.nameAt(0), await list.nameAt(1), await list.nameAt(2)];
  await list.statusFilter.selectOption({ label: 'Hamısı' });

  serverLink.goOffline();

  for (const [index, edit] of edits.entries()) {
    const name = names[index] ?? '';
    await list.openService(name);
    await expect(editor.title(name)).toBeVisible();
    await editor.setDescription(edit.description);
    await editor.addDocumentNamed(edit.document);
    await editor.setPaidFee(edit.fee);
    await expect(editor.saveState).toHaveText(
      'Lokal yadda saxlanıldı · sinxronizasiya gözlənilir',
    );

    await editor.submit.click();

    await expect(editor.statusLabel).toHaveText(`İşçi versiyanın statusu: ${SUBMITTED}`);
    await expect(editor.saveState).toHaveText(
      'Lokal yadda saxlanıldı · sinxronizasiya gözlənilir',
    );
    await expect(status.region).toContainText(/Oflayn|müvəqqəti əlçatan deyil/);
    await expect(status.region).toContainText(
      /Göndərilməmiş dəyişikliklər: \d+ — bu kompüterdə saxlanılıb/,
    );
    if (index === 0) await saveScreenshot(page, 'offline-editor-submitted');
    await editor.back.click();
  }

  // A malformed e-mail main cannot save yet: it must survive the crash too.
  const heldName = names[2] ?? '';
  await list.openService(heldName);
  await expect(editor.title(heldName)).toBeVisible();
  const held = page.waitForResponse((response) =>
    response.url().endsWith('/contract/services.saveHeldInput'),
  );
  await editor.email.fill('shobe@mlspp');
  await editor.email.blur();
  expect((await held).ok()).toBe(true);
  await expect(editor.saveState).toHaveText(HELD_BACK);
  await editor.back.click();

  for (const name of names.slice(0, 2)) {
    await expect(list.row(name)).toContainText(SUBMITTED);
    await expect(list.row(name)).toContainText(PENDING);
  }
  await outbox.open();
  for (const name of names.slice(0, 2)) {
    const entries = outbox.pending.getByRole('listitem').filter({ hasText: name });
    await expect(
      entries.filter({ hasText: 'Qaralamada dəyişiklik' }).first(),
    ).toBeVisible();
    await expect(entries.filter({ hasText: 'Təqdimat ·' })).toHaveCount(1);
  }
  await saveScreenshot(page, 'offline-outbox-pending');

  // The app dies (as a crash or power cut would) and is started again on the same data.
  await host.kill();
  await host.start();
  await page.goto(host.url);

  await expect(home.title).toBeVisible();
  await expect(status.region).toContainText(/Oflayn|müvəqqəti əlçatan deyil/);
  await expect(status.region).toContainText(/Göndərilməmiş dəyişikliklər: \d+/);
  await list.open();
  await list.agencyFilter.selectOption({ label: MLSPP });
  for (const name of names.slice(0, 2)) {
    await expect(list.row(name)).toContainText(SUBMITTED);
    await expect(list.row(name)).toContainText(PENDING);
  }
  await saveScreenshot(page, 'offline-list-after-restart');
  for (const [index, edit] of edits.entries()) {
    const name = names[index] ?? '';
    await list.openService(name);
    await expect(editor.title(name)).toBeVisible();
    await expect(editor.statusLabel).toHaveText(`İşçi versiyanın statusu: ${SUBMITTED}`);
    await expect(editor.description).toHaveValue(edit.description);
    await expect(editor.lastDocumentName()).toHaveValue(edit.document);
    await expect(editor.amount).toHaveValue(edit.fee);
    await editor.back.click();
  }
  await list.openService(heldName);
  await expect(editor.email).toHaveValue('shobe@mlspp');
  await expect(editor.email).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.email).toHaveAccessibleDescription('Yanlış e-poçt ünvanı');
  await editor.showField(editor.email);
  await expect(editor.saveState).toHaveText(HELD_BACK);
  await saveScreenshot(page, 'offline-held-email-after-restart');
  await editor.back.click();

  serverLink.goOnline();
  await status.syncNow.click();

  await expect(status.region).toContainText('Bütün dəyişikliklər göndərilib');
  await expect(status.region).not.toContainText('Göndərilməmiş');
  for (const name of names.slice(0, 2)) {
    await expect(list.row(name)).toContainText('Sinxronlaşdırılıb');
  }

  // A reviewer on their own machine (own data dir) receives both submissions.
  const reviewerHost = await launchHost();
  const reviewerContext = await browser.newContext({
    locale: 'az-AZ',
    timezoneId: 'Asia/Baku',
  });
  const reviewerPage = await reviewerContext.newPage();
  const reviewerLogin = new LoginPage(reviewerPage);
  const reviewerList = new ServiceListPage(reviewerPage);
  const reviewerEditor = new EditorPage(reviewerPage);
  await reviewerLogin.open(reviewerHost.url);
  await reviewerLogin.signIn('reviewer', 'reviewer-demo');
  await expect(new HomePage(reviewerPage).title).toBeVisible();
  await reviewerList.open();
  await reviewerList.statusFilter.selectOption({ label: SUBMITTED });
  for (const name of names.slice(0, 2)) {
    await expect(reviewerList.row(name)).toContainText(SUBMITTED);
  }
  await saveScreenshot(reviewerPage, 'reviewer-submitted-services');
  for (const [index, edit] of edits.entries()) {
    const name = names[index] ?? '';
    await reviewerList.openService(name);
    await expect(reviewerEditor.title(name)).toBeVisible();
    await expect(reviewerEditor.statusLabel).toHaveText(
      `İşçi versiyanın statusu: ${SUBMITTED}`,
    );
    await expect(reviewerEditor.description).toHaveValue(edit.description);
    await expect(reviewerEditor.lastDocumentName()).toHaveValue(edit.document);
    await expect(reviewerEditor.amount).toHaveValue(edit.fee);
    await expect(reviewerEditor.paymentMethod('Nağd')).toBeChecked();
    await reviewerEditor.back.click();
  }
  await reviewerContext.close();
});
