import { expect, saveScreenshot, test } from './support/fixtures';
import { EditorPage } from './support/pages/editor-page';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';
import { OutboxPage } from './support/pages/outbox-page';
import { ServiceListPage } from './support/pages/service-list-page';
import { StatusBar } from './support/pages/status-bar';

const MLSPP = 'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi';

// Walks the main screens in the states people meet them in and saves a
// screenshot of each under test-results/screenshots, checking on the way
// that each state says what it should.
test('the main screens show sign-in, figures, services, field errors, pending changes, a conflict side by side and English settings', async ({
  page,
  browser,
  host,
  serverLink,
  launchHost,
  centralServer,
}) => {
  test.setTimeout(180_000);
  const login = new LoginPage(page);
  const home = new HomePage(page);
  const status = new StatusBar(page);
  const list = new ServiceListPage(page);
  const editor = new EditorPage(page);
  const outbox = new OutboxPage(page);

  await login.open(host.url);
  await saveScreenshot(page, 'screen-login');

  serverLink.goOffline();
  await login.signIn('agency.mlspp', 'agency.mlspp-demo');
  await expect(login.error).toContainText(
    'Serverə qoşulmaq mümkün olmadı: şəbəkə bağlantısını və server ünvanını yoxlayın.',
  );
  await saveScreenshot(page, 'screen-login-server-unreachable');

  serverLink.goOnline();
  await login.submit.click();
  await expect(home.title).toBeVisible();
  await expect(status.region).toContainText('Onlayn');
  await expect(home.figure('Dövlət orqanı')).not.toHaveText('0');
  await saveScreenshot(page, 'screen-home');

  await list.open();
  await list.agencyFilter.selectOption({ label: MLSPP });
  await expect(list.rows().first()).toBeVisible();
  await saveScreenshot(page, 'screen-services');
  await list.statusFilter.selectOption({ label: 'Təsdiqlənib' });
  await expect(list.table.getByText('Təqdim olunub')).toHaveCount(0);

  // Offline, the user edits a field another machine is about to change too.
  const name = await list.nameAt(0);
  serverLink.goOffline();
  await list.openService(name);
  await expect(editor.title(name)).toBeVisible();
  await editor.setDescription(
    'Təsvir bu kompüterdə oflayn yazılıb və hələ göndərilməyib.',
  );
  await editor.email.fill('shobe@');
  await editor.email.blur();
  await expect(editor.email).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.email).toHaveAccessibleDescription('Yanlış e-poçt ünvanı');
  await editor.showField(editor.email);
  await saveScreenshot(page, 'screen-editor-field-error');
  await editor.email.fill('');
  await editor.email.blur();
  await expect(editor.email).toHaveAttribute('aria-invalid', 'false');

  await outbox.open();
  await expect(
    outbox.pending.getByRole('listitem').filter({ hasText: name }),
  ).toHaveCount(1);
  await saveScreenshot(page, 'screen-outbox-pending');

  // Another machine of the agency, on a network that still works, changes the same field.
  const other = await launchHost({ serverUrl: centralServer.url });
  const otherContext = await browser.newContext({
    locale: 'az-AZ',
    timezoneId: 'Asia/Baku',
  });
  const otherPage = await otherContext.newPage();
  const otherList = new ServiceListPage(otherPage);
  const otherEditor = new EditorPage(otherPage);
  await new LoginPage(otherPage).open(other.url);
  await new LoginPage(otherPage).signIn('agency.mlspp', 'agency.mlspp-demo');
  await otherList.open();
  await otherList.search.fill(name);
  await otherList.search.press('Enter');
  await otherList.openService(name);
  await otherEditor.setDescription(
    'Təsvir başqa kompüterdə yazılıb və artıq serverdədir.',
  );
  await new StatusBar(otherPage).syncNow.click();
  await expect(new StatusBar(otherPage).region).toContainText(
    'Bütün dəyişikliklər göndərilib',
  );
  await otherContext.close();

  serverLink.goOnline();
  await status.syncNow.click();
  const conflict = outbox.conflictOn('Məzmun');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('figure')).toHaveCount(3);
  await expect(conflict).toContainText('oflayn yazılıb');
  await expect(conflict).toContainText('başqa kompüterdə');
  await saveScreenshot(page, 'screen-outbox-conflict');

  await page
    .getByRole('navigation', { name: 'Əsas naviqasiya' })
    .getByRole('button', { name: 'Tənzimləmələr' })
    .click();
  await page.getByLabel('Dil', { exact: true }).selectOption({ label: 'English' });
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');
  await saveScreenshot(page, 'screen-settings-english');
});
