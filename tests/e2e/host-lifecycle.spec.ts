import { expect, saveScreenshot, test } from './support/fixtures';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';
import { StatusBar } from './support/pages/status-bar';

test('a signed-in user who loses the network and restarts the app still opens it, offline', async ({
  page,
  host,
  serverLink,
}) => {
  const login = new LoginPage(page);
  const home = new HomePage(page);
  const status = new StatusBar(page);
  await login.open(host.url);
  await login.signIn('agency.mlspp', 'agency.mlspp-demo');
  await expect(home.title).toBeVisible();

  serverLink.goOffline();
  await host.restart();
  await page.goto(host.url);

  await expect(home.title).toBeVisible();
  await expect(status.region).toContainText(/Oflayn|müvəqqəti əlçatan deyil/);
  await saveScreenshot(page, 'lifecycle-offline-after-restart');

  serverLink.goOnline();
  await status.syncNow.click();
  await expect(status.region).not.toContainText(/Oflayn|müvəqqəti əlçatan deyil/);
});
