import fs from 'node:fs';
import { expect, saveScreenshot, test } from './support/fixtures';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';

test('a reviewer opens the analytics dashboard, narrows it to G2B services and saves a chart as PNG and a table as XLSX', async ({
  page,
  host,
}) => {
  await new LoginPage(page).open(host.url);
  await new LoginPage(page).signIn('reviewer', 'reviewer-demo');
  await expect(new HomePage(page).title).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Əsas naviqasiya' })
    .getByRole('button', { name: 'Analitika', exact: true })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Reyestrin analitikası' }),
  ).toBeVisible();

  const indicators = page.getByRole('definition').first();
  await expect(indicators).not.toHaveText('0');
  const categories = page.getByRole('region', {
    name: 'Kateqoriyalar üzrə xidmətlər və qurumlar',
  });
  await expect(categories.getByRole('application')).toBeVisible();
  await expect(page.locator('.chart-card').getByRole('application')).toHaveCount(4);
  await saveScreenshot(page, 'analytics-dashboard');

  await page.getByLabel('Yalnız biznesə göstərilən (G2B) xidmətlər').check();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: '«G2B» modulu: biznesə göstərilən xidmətlər',
    }),
  ).toBeVisible();

  await categories.getByRole('button', { name: 'PNG' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saxlanıldı:' });
  await expect(saved).toContainText('.png');
  const pngPath = (await saved.innerText()).replace('Saxlanıldı:', '').trim();
  expect(fs.readFileSync(pngPath).subarray(0, 8).toString('hex')).toBe(
    '89504e470d0a1a0a',
  );
  expect(fs.statSync(pngPath).size).toBeGreaterThan(2_000);

  await categories.getByRole('button', { name: 'XLSX' }).click();
  await expect(saved).toContainText('.xlsx');
});
