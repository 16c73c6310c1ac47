import fs from 'node:fs';
import path from 'node:path';
import { test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startCentralServer } from './central-server';
import { createHostProcess, repoRoot } from './host-process';
import type { HostProcess } from './host-process';
import { startSwitchableProxy } from './tcp-proxy';
import type { SwitchableProxy } from './tcp-proxy';

type CentralServer = Awaited<ReturnType<typeof startCentralServer>>;

type Fixtures = {
  /** Relay between the hosts and the server; goOffline() simulates a lost network. */
  serverLink: SwitchableProxy;
  /**
   * Starts another host process (a second user's machine), stopped after the
   * test. It reaches the server through serverLink unless given another URL
   * (a machine on a network the switch does not cut).
   */
  launchHost: (options?: {
    dataDir?: string;
    serverUrl?: string;
  }) => Promise<HostProcess>;
  /** One running host, reaching the server through the proxy. */
  host: HostProcess;
};

type WorkerFixtures = { centralServer: CentralServer };

export const test = base.extend<Fixtures, WorkerFixtures>({
  centralServer: [
    // Playwright reads a fixture's dependencies from this destructuring; there are none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startCentralServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  serverLink: async ({ centralServer }, use) => {
    const proxy = await startSwitchableProxy(centralServer.port);
    await use(proxy);
    await proxy.close();
  },

  launchHost: async ({ serverLink }, use, testInfo) => {
    const hosts: HostProcess[] = [];
    await use(async (options = {}) => {
      const host = await createHostProcess({
        serverUrl: options.serverUrl ?? serverLink.url,
        dataDir: options.dataDir,
      });
      hosts.push(host);
      await host.start();
      return host;
    });
    for (const [index, host] of hosts.entries()) {
      await host.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach(`host-${index}.log`, { body: host.output() });
      }
      fs.rmSync(host.dataDir, { recursive: true, force: true });
    }
  },

  host: async ({ launchHost }, use) => {
    await use(await launchHost());
  },
});

export { expect } from '@playwright/test';

/** Saves a full-page screenshot under test-results/screenshots for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`),
    fullPage: true,
  });
}
