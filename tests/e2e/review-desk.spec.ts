import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './support/fixtures';
import { EditorPage } from './support/pages/editor-page';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';
import { ReviewPage } from './support/pages/review-page';
import { ServiceListPage } from './support/pages/service-list-page';
import { StatusBar } from './support/pages/status-bar';
import { startSwitchableProxy } from './support/tcp-proxy';

const JUSTICE = 'Azərbaycan Respublikasının Ədliyyə Nazirliyi';
const SYNCED = 'Bütün dəyişikliklər göndərilib';
const FIRST_TEXT =
  'Ədliyyə xidməti: ərizə ASAN xidmət mərkəzində qəbul edilir, nəticə 10 iş günü ərzində verilir.';
const FIXED_TEXT =
  'Ədliyyə xidməti: ərizə ASAN xidmət mərkəzində və e-gov portalında qəbul edilir; arayış Ədliyyə Nazirliyinin reyestrindən alınır.';
const REMARK_DESCRIPTION = 'Elektron müraciət imkanı təsvirdə göstərilməyib.';
const REMARK_DOCUMENTS = 'Arayışın hansı sistemdən alındığını yazın.';

async function syncAndWait(page: Page): Promise<void> {
  const status = new StatusBar(page);
  await status.syncNow.click();
  await expect(status.region).toContainText(SYNCED);
}

test('an agency submits; a reviewer, offline, returns it with two remarks; after sync the agency fixes and resubmits; the reviewer approves; the published version changes and the history shows every step', async ({
  page,
  browser,
  host,
  centralServer,
  launchHost,
}) => {
  test.setTimeout(180_000);
  const agencyList = new ServiceListPage(page);
  const agencyEditor = new EditorPage(page);

  // The agency submits a change to one of its published services.
  await new LoginPage(page).open(host.url);
  await new LoginPage(page).signIn('agency.justice', 'agency.justice-demo');
  await expect(new HomePage(page).title).toBeVisible();
  await agencyList.open();
  await agencyList.agencyFilter.selectOption({ label: JUSTICE });
  await agencyList.statusFilter.selectOption({ label: 'Təsdiqlənib' });
  await expect(agencyList.rows().first()).toBeVisible();
  const name = await agencyList.nameAt(0);
  await agencyList.statusFilter.selectOption({ label: 'Hamısı' });
  await agencyList.openService(name);
  await agencyEditor.setDescription(FIRST_TEXT);
  await agencyEditor.submit.click();
  await expect(agencyEditor.statusLabel).toHaveText(
    'İşçi versiyanın statusu: Təqdim olunub',
  );
  await syncAndWait(page);

  // The reviewer works on a machine whose own link to the server can drop.
  const reviewerLink = await startSwitchableProxy(centralServer.port);
  const reviewerHost = await launchHost({ serverUrl: reviewerLink.url });
  const reviewerContext = await browser.newContext({
    locale: 'az-AZ',
    timezoneId: 'Asia/Baku',
  });
  const reviewerPage = await reviewerContext.newPage();
  const desk = new ReviewPage(reviewerPage);
  await new LoginPage(reviewerPage).open(reviewerHost.url);
  await new LoginPage(reviewerPage).signIn('reviewer', 'reviewer-demo');
  await expect(new HomePage(reviewerPage).title).toBeVisible();
  await desk.open();
  await expect(desk.item(name)).toContainText('Xidmətdə dəyişiklik');
  await expect(desk.item(name)).toContainText('0 / 7 iş günü');
  await desk.item(name).click();
  await expect(desk.detail.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(desk.field('Məzmun')).toContainText('Dəyişib');
  await expect(desk.field('Məzmun')).toContainText(FIRST_TEXT);
  await expect(desk.field('Tip')).not.toContainText('Dəyişib');

  reviewerLink.goOffline();
  // M writes a remark on the first changed field and puts the cursor in it.
  await reviewerPage.keyboard.press('m');
  await expect(desk.remarkBox('Məzmun', 1)).toBeFocused();
  await reviewerPage.keyboard.type(REMARK_DESCRIPTION);
  await desk.addRemark('Tələb olunan sənədlər').click();
  await desk.remarkBox('Tələb olunan sənədlər', 1).fill(REMARK_DOCUMENTS);
  await saveScreenshot(reviewerPage, 'review-desk-return-with-remarks');
  await desk.returnButton().click();
  await expect(desk.decisionNotice).toContainText(
    'Qərarınız bu kompüterdə saxlanılıb və əlaqə olduqda serverə göndəriləcək.',
  );
  await expect(desk.item(name)).toContainText('Qərar göndərilməyi gözləyir');
  const reviewerStatus = new StatusBar(reviewerPage);
  await reviewerStatus.syncNow.click();
  await expect(reviewerStatus.region).toContainText(/Oflayn|müvəqqəti əlçatan deyil/);
  await expect(reviewerStatus.region).toContainText(/Göndərilməmiş dəyişikliklər: 1/);

  reviewerLink.goOnline();
  await syncAndWait(reviewerPage);
  await expect(desk.item(name)).toHaveCount(0);

  // The agency sees each remark beside its field, fixes the text and resubmits.
  await syncAndWait(page);
  await agencyEditor.back.click();
  await agencyList.openService(name);
  await expect(agencyEditor.statusLabel).toHaveText(
    'İşçi versiyanın statusu: Düzəliş üçün qaytarılıb',
  );
  await expect(
    page.getByRole('region', { name: 'Məzmun', exact: true }).getByRole('note'),
  ).toContainText(REMARK_DESCRIPTION);
  await expect(agencyEditor.documentsSection.getByRole('note')).toContainText(
    REMARK_DOCUMENTS,
  );
  await saveScreenshot(page, 'agency-returned-with-remarks');
  await agencyEditor.setDescription(FIXED_TEXT);
  await agencyEditor.submit.click();
  await expect(agencyEditor.statusLabel).toHaveText(
    'İşçi versiyanın statusu: Təqdim olunub',
  );
  await syncAndWait(page);

  // The reviewer approves the resubmission from the keyboard.
  await syncAndWait(reviewerPage);
  await expect(desk.item(name)).toContainText('təqdimat №2');
  await desk.item(name).click();
  await expect(desk.field('Məzmun')).toContainText(FIXED_TEXT);
  await reviewerPage.keyboard.press('Shift+A');
  await expect(desk.decisionNotice).toContainText('Qərarınız bu kompüterdə saxlanılıb');
  await syncAndWait(reviewerPage);
  await expect(desk.item(name)).toHaveCount(0);

  // The published version is the fixed one, and the history holds every step.
  await syncAndWait(page);
  await agencyEditor.back.click();
  await agencyList.openService(name);
  await expect(agencyEditor.statusLabel).toHaveText(
    'İşçi versiyanın statusu: Təsdiqlənib',
  );
  await expect(agencyEditor.description).toHaveValue(FIXED_TEXT);
  const history = new ReviewPage(page).history();
  // Version 1 is the demo's published record; the agency's change is version 2.
  const steps = history.getByRole('listitem').filter({ hasText: 'versiya №2' });
  await expect(steps.filter({ hasText: /^Təsdiqlənib/ })).toHaveCount(1);
  await expect(steps.filter({ hasText: /^Təqdim olunub/ })).toHaveCount(2);
  await expect(steps.filter({ hasText: /^Versiya yaradılıb/ })).toHaveCount(1);
  const returned = steps.filter({ hasText: /^Düzəliş üçün qaytarılıb/ });
  await expect(returned).toContainText(REMARK_DESCRIPTION);
  await expect(returned).toContainText(REMARK_DOCUMENTS);
  await expect(returned).toContainText('Leyla Hüseynova');
  await expect(steps.first()).toContainText('Təsdiqlənib');
  await history.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'service-history-after-approval');

  await reviewerContext.close();
  await reviewerLink.close();
});
