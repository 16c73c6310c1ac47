import type { Page } from '@playwright/test';
import { DEMO_DUPLICATE_PAIRS } from '../../src-server/seed/demo-duplicates';
import { startCentralServer } from './support/central-server';
import { expect, saveScreenshot, test as base } from './support/fixtures';
import { DuplicatesPage } from './support/pages/duplicates-page';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';
import { ServiceListPage } from './support/pages/service-list-page';
import { StatusBar } from './support/pages/status-bar';

// A central server of its own whose demo registry holds near-identical
// services of the Ministries of Labour and of Justice, so the scan at start
// finds pairs; the other specs' server has none.
const test = base.extend<
  object,
  { centralServer: Awaited<ReturnType<typeof startCentralServer>> }
>({
  centralServer: [
    // Playwright reads a fixture's dependencies from this destructuring; there are none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startCentralServer({ demoDuplicates: true });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

const SYNCED = 'Bütün dəyişikliklər göndərilib';
const REVIEWER = 'Leyla Hüseynova';
const JUSTICE = 'Azərbaycan Respublikasının Ədliyyə Nazirliyi';

const pair = (index: number) => {
  const found = DEMO_DUPLICATE_PAIRS[index];
  if (!found) throw new Error(`no demo pair ${index}`);
  return found;
};

async function syncAndWait(page: Page): Promise<void> {
  const status = new StatusBar(page);
  await status.syncNow.click();
  await expect(status.region).toContainText(SYNCED);
}

test('a reviewer marks one pair a duplicate, one not a duplicate and proposes a merge of the third; after sync the marks stay through a reload and both agencies see the proposal on their service', async ({
  page,
  browser,
  host,
  launchHost,
}) => {
  test.setTimeout(150_000);
  const [dupMlspp, dupJustice] = pair(0);
  const [notMlspp] = pair(1);
  const [mergeMlspp, mergeJustice] = pair(2);
  const desk = new DuplicatesPage(page);

  await new LoginPage(page).open(host.url);
  await new LoginPage(page).signIn('reviewer', 'reviewer-demo');
  await expect(new HomePage(page).title).toBeVisible();
  await desk.open();
  const first = desk.card(dupMlspp);
  await expect(first).toContainText(dupJustice);
  await expect(first).toContainText('Oxşarlıq: 100%');
  await expect(first).toContainText('eyni ad');
  await expect(first.getByRole('row', { name: /Qurum/ })).toContainText(JUSTICE);
  await expect(first.getByRole('row', { name: /Tələb olunan sənədlər/ })).not.toBeEmpty();

  await desk.mark(dupMlspp, 'Dublikatdır', 'Eyni xidmətdir');
  await expect(first).toContainText('bu kompüterdə saxlanılıb');
  await desk.mark(notMlspp, 'Dublikat deyil');
  await expect(desk.card(notMlspp)).toContainText('bu kompüterdə saxlanılıb');
  await desk.mark(
    mergeMlspp,
    'Qurumlara birləşdirməyi təklif et',
    'Xidmətləri birləşdirin',
  );
  await expect(desk.card(mergeMlspp)).toContainText('bu kompüterdə saxlanılıb');
  await saveScreenshot(page, 'duplicate-candidates-pending');

  await syncAndWait(page);
  await expect(first).toContainText(`Dublikat — ${REVIEWER}`);
  await expect(first).toContainText('qeyd: Eyni xidmətdir');
  await expect(desk.card(notMlspp)).toContainText(`Dublikat deyil — ${REVIEWER}`);
  await expect(desk.card(mergeMlspp)).toContainText(`Birləşdirmə təklifi — ${REVIEWER}`);

  await page.reload();
  await expect(new HomePage(page).title).toBeVisible();
  await desk.open();
  await expect(desk.card(dupMlspp)).toContainText(`Dublikat — ${REVIEWER}`);
  await expect(desk.card(notMlspp)).toContainText(`Dublikat deyil — ${REVIEWER}`);
  await expect(desk.card(mergeMlspp)).toContainText(`Birləşdirmə təklifi — ${REVIEWER}`);
  await expect(desk.card(mergeMlspp)).not.toContainText('bu kompüterdə saxlanılıb');
  await saveScreenshot(page, 'duplicate-candidates-marked');

  // The Ministry of Labour's staff see the proposal, and the similar
  // service of the Ministry of Justice, on their service.
  const agencyHost = await launchHost();
  const agencyContext = await browser.newContext({
    locale: 'az-AZ',
    timezoneId: 'Asia/Baku',
  });
  const agencyPage = await agencyContext.newPage();
  await new LoginPage(agencyPage).open(agencyHost.url);
  await new LoginPage(agencyPage).signIn('agency.mlspp', 'agency.mlspp-demo');
  await expect(new HomePage(agencyPage).title).toBeVisible();
  const list = new ServiceListPage(agencyPage);
  await list.open();
  await list.search.fill(mergeMlspp);
  await list.openService(mergeMlspp);
  const proposal = agencyPage.getByRole('region', { name: 'Birləşdirmə təklifi' });
  await expect(proposal).toContainText(mergeJustice);
  await expect(proposal).toContainText('Xidmətləri birləşdirin');
  const similar = agencyPage.getByRole('region', { name: 'Oxşar xidmətlər' });
  await expect(similar).toContainText(mergeJustice);
  await expect(similar).toContainText('eyni ad');
  await saveScreenshot(agencyPage, 'duplicate-candidates-merge-proposal');
  await agencyContext.close();
});
