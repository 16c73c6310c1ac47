import { expect, saveScreenshot, test } from './support/fixtures';
import { EditorPage } from './support/pages/editor-page';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';
import { ServiceListPage } from './support/pages/service-list-page';
import { SettingsPage } from './support/pages/settings-page';

const MLSPP = 'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi';

// The settings screen in use: the language switches and stays, a backup is
// written while the app runs, a change made afterwards (offline, so only
// this computer has it) is replaced by restoring the backup, and the app
// says where it kept the replaced data.
test('settings: a language change, a backup, and a restore that brings the backed-up data back', async ({
  page,
  host,
  serverLink,
}) => {
  test.setTimeout(120_000);
  const login = new LoginPage(page);
  const home = new HomePage(page);
  const settings = new SettingsPage(page);
  const list = new ServiceListPage(page);
  const editor = new EditorPage(page);

  await login.open(host.url);
  await login.signIn('agency.mlspp', 'agency.mlspp-demo');
  await expect(home.title).toBeVisible();

  await settings.open();
  await settings.language.selectOption({ label: 'English' });
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page
    .getByLabel('Language', { exact: true })
    .selectOption({ label: 'Azərbaycanca' });
  await expect(settings.title).toBeVisible();
  await expect(settings.serverUrl).toHaveValue(serverLink.url);
  await expect(settings.dataSize).toContainText('MB');

  // A malformed address is refused beside its field, and nothing changes.
  await settings.serverUrl.fill('ftp://dxer.az');
  await settings.serverSave.click();
  await expect(settings.serverUrl).toHaveAccessibleDescription(
    /Server ünvanı http:\/\/ və ya https:\/\/ ilə başlamalıdır/,
  );
  await settings.serverUrl.fill(serverLink.url);

  await list.open();
  await list.agencyFilter.selectOption({ label: MLSPP });
  await list.statusFilter.selectOption({ label: 'Təsdiqlənib' });
  await expect(list.table.getByText('Təqdim olunub')).toHaveCount(0);
  const name = await list.nameAt(0);
  await list.openService(name);
  const original = await editor.description.inputValue();

  await settings.open();
  await settings.backup.click();
  await expect(settings.dataStatus()).toContainText('Ehtiyat nüsxə saxlanıldı:');
  await expect(settings.dataStatus()).toContainText('.sqlite');
  await saveScreenshot(page, 'screen-settings-backup');

  // Offline, so the change stays on this computer only.
  serverLink.goOffline();
  await list.open();
  await list.openService(name);
  await editor.setDescription(
    'Ehtiyat nüsxədən sonra yazılmış, hələ göndərilməmiş təsvir.',
  );
  await expect(editor.saveState).toHaveText(
    'Lokal yadda saxlanıldı · sinxronizasiya gözlənilir',
  );

  await settings.open();
  await settings.restore.click();
  await expect(settings.restoreDialog).toBeVisible();
  await expect(settings.restoreDialog).toContainText(
    'Bu kompüterdə göndərilməmiş 1 dəyişiklik bərpa zamanı əvəz olunacaq.',
  );
  await saveScreenshot(page, 'screen-settings-restore-confirm');
  await settings.restoreDialog
    .getByRole('button', { name: 'Bərpa et', exact: true })
    .click();
  await expect(settings.dataStatus()).toContainText('bərpa olundu');
  await expect(settings.dataStatus()).toContainText('before-restore-');
  await saveScreenshot(page, 'screen-settings-restored');

  await list.open();
  await list.openService(name);
  await expect(editor.description).toHaveValue(original);
});
