import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareAz } from '../../shared/text/az';
import { createLogger } from '../../src-server/logger';
import { generateRegistry } from '../../src-server/seed/generate-registry';
import { startServer } from '../../src-server/server';
import { expect, saveScreenshot, test } from './support/fixtures';
import { HomePage } from './support/pages/home-page';
import { LoginPage } from './support/pages/login-page';
import { ServiceListPage } from './support/pages/service-list-page';

// Large enough that rendering every row would be slow and obvious, small
// enough to generate and sync within a CI run; the virtual list keeps the
// number of rows in the page bounded whatever the registry's size.
const SERVICE_COUNT = 20_000;
const MAX_ROWS_IN_DOM = 120;

test.setTimeout(180_000);

test('a reviewer scrolls a 20,000-service registry from top to bottom with only a window of rows in the page', async ({
  page,
  launchHost,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-e2e-large-'));
  const server = await startServer({
    port: 0,
    sqliteFile: path.join(dir, 'server.sqlite'),
    seedDemo: true,
    logLevel: 'warn',
  });
  try {
    await generateRegistry({
      db: server.db,
      serviceCount: SERVICE_COUNT,
      agencyCount: 200,
      logger: createLogger('warn'),
    });
    // As a server that has been up a while: its whole-registry snapshot is
    // ready, so the desktop fills from it and the list must follow the
    // store swapped in under it.
    server.snapshots?.prepare();
    await server.snapshots?.idle();
    const host = await launchHost({ serverUrl: server.url });

    const login = new LoginPage(page);
    await login.open(host.url);
    await login.signIn('reviewer', 'reviewer-demo');
    const home = new HomePage(page);
    await expect
      .poll(
        async () =>
          Number((await home.figure('Xidmət sayı').innerText()).replace(/\D/g, '')),
        {
          timeout: 120_000,
        },
      )
      .toBeGreaterThanOrEqual(SERVICE_COUNT);

    const list = new ServiceListPage(page);
    await list.open();
    // The list may have been counted before the sync brought the registry;
    // it recounts in the background once the new store is in place.
    const ariaRowCount = async () =>
      Number(await list.table.getAttribute('aria-rowcount'));
    await expect.poll(ariaRowCount, { timeout: 60_000 }).toBeGreaterThan(SERVICE_COUNT);
    const rowCount = await ariaRowCount();
    expect(await list.rows().count()).toBeLessThan(MAX_ROWS_IN_DOM);

    const first = await list.nameAt(0);
    const second = await list.nameAt(1);
    expect(compareAz(first, second)).toBeLessThanOrEqual(0);

    const scroller = list.table.getByRole('rowgroup').last();
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });
    const middle = list.table.locator(
      `[role="row"][aria-rowindex="${Math.floor(rowCount / 2)}"]`,
    );
    await expect(middle.getByRole('button').first()).toBeVisible();

    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    const last = list.table.locator(`[role="row"][aria-rowindex="${rowCount}"]`);
    await expect(last.getByRole('button').first()).toBeVisible();
    expect(await list.rows().count()).toBeLessThan(MAX_ROWS_IN_DOM);
    await saveScreenshot(page, 'large-registry-scrolled-to-end');
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
