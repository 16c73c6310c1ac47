import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractMethods } from '../../shared/contract/contract';
import { buildMenuTemplate } from '../../src-main/electron/menu-template';
import {
  appSchemePrivileges,
  contentSecurityPolicy,
  isAppUrl,
  isExternalWebUrl,
  secureWebPreferences,
} from '../../src-main/electron/window-options';
import { securityHeaders } from '../../src-main/security/content-security-policy';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('Electron window security checklist', () => {
  it('isolates the page from Node and sandboxes it', () => {
    expect(secureWebPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(secureWebPreferences).not.toHaveProperty('enableRemoteModule');
    expect(secureWebPreferences).not.toHaveProperty('preload');
  });

  it('uses a CSP that allows only the app itself', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
    );
    expect(contentSecurityPolicy).not.toContain('unsafe');
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff');
    expect(securityHeaders['Referrer-Policy']).toBe('no-referrer');
  });

  it('carries the same CSP in index.html as the window and the host send', () => {
    const indexHtml = path.join(repoRoot, 'src-renderer/index.html');
    const html = fs.readFileSync(indexHtml, 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(
      html,
    );

    expect(meta?.[1]).toBe(contentSecurityPolicy);
  });

  it('registers app:// as a secure standard scheme that does not bypass the CSP', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });

  it.each([
    ['app://dxer/index.html', true],
    ['app://dxer/assets/main.js', true],
    ['app://evil/index.html', false],
    ['app://dxer.evil.com/', false],
    ['http://app//dxer', false],
    ['https://dxer/index.html', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('treats %s as our own page: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it.each([
    ['https://www.e-gov.az/', true],
    ['http://example.org/a?b', true],
    ['javascript:alert(1)', false],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['smb://share/x', false],
    ['app://dxer/index.html', false],
    ['', false],
  ])('opens %s in the system browser: %s', (url, expected) => {
    expect(isExternalWebUrl(url)).toBe(expected);
  });
});

describe('application menu', () => {
  const labels = (isMac: boolean, isPackaged: boolean) =>
    buildMenuTemplate({
      appName: 'DXER Desktop',
      isMac,
      isPackaged,
      onOpenHelp: () => {},
    }).map((item) => item.label ?? item.role);
  const roles = (isPackaged: boolean) =>
    JSON.stringify(
      buildMenuTemplate({
        appName: 'DXER',
        isMac: false,
        isPackaged,
        onOpenHelp: () => {},
      }),
    );

  it('starts with the app menu on macOS and with File elsewhere', () => {
    expect(labels(true, true)).toEqual([
      'DXER Desktop',
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
    expect(labels(false, true)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
  });

  it('offers developer tools only in unpackaged builds', () => {
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });
});

describe('preload bridge', () => {
  type Recorded = {
    exposed: Map<string, unknown>;
    invoked: string[];
    subscribed: string[];
  };
  let bundleFile = '';
  let tempDir = '';

  beforeAll(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-preload-'));
    bundleFile = path.join(tempDir, 'preload.cjs');
    await build({
      entryPoints: [path.join(repoRoot, 'src-main/electron/preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      outfile: bundleFile,
      logLevel: 'silent',
    });
  });
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

  /** Runs the bundled preload the way a sandboxed preload runs: only "electron" can be required. */
  function loadPreload(): Recorded & { api: Record<string, unknown> } {
    const recorded: Recorded = { exposed: new Map(), invoked: [], subscribed: [] };
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) =>
          recorded.exposed.set(key, value),
      },
      ipcRenderer: {
        invoke: (channel: string) => {
          recorded.invoked.push(channel);
          return Promise.resolve({ ok: true, result: { channel } });
        },
        on: (channel: string) => recorded.subscribed.push(channel),
        removeListener: () => undefined,
      },
    };
    const required: string[] = [];
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`A sandboxed preload cannot require "${name}"`);
    };
    const module = { exports: {} };
    vm.runInNewContext(fs.readFileSync(bundleFile, 'utf8'), {
      require: sandboxRequire,
      module,
      exports: module.exports,
    });
    expect(required.every((name) => name === 'electron')).toBe(true);
    const api = recorded.exposed.get('dxer') as Record<string, unknown>;
    return { ...recorded, api };
  }

  it('bundles into one CommonJS file that requires nothing but electron', () => {
    const { exposed } = loadPreload();

    expect([...exposed.keys()]).toEqual(['dxer']);
  });

  it('exposes only invoke and on, never ipcRenderer', () => {
    const { api } = loadPreload();

    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
  });

  it('invokes each contract method on its own channel', async () => {
    const { api, invoked } = loadPreload();
    const invoke = api.invoke as (method: string, input: unknown) => Promise<unknown>;

    for (const method of contractMethods) await invoke(method, {});

    expect(invoked).toEqual(contractMethods.map((method) => `dxer:${method}`));
  });

  it.each(['fs.readFile', 'toString', '__proto__', 'session.get ', ''])(
    'refuses the non-contract method %j without sending anything',
    async (method) => {
      const { api, invoked } = loadPreload();
      const invoke = api.invoke as (method: string, input: unknown) => Promise<unknown>;

      await expect(invoke(method, {})).rejects.toThrow(/Unknown contract method/);
      expect(invoked).toEqual([]);
    },
  );

  it('subscribes only to contract events', () => {
    const { api, subscribed } = loadPreload();
    const on = api.on as (event: string, listener: () => void) => () => void;

    on('sync.status', () => {});
    expect(() => on('devtools-opened', () => {})).toThrow(/Unknown contract event/);
    expect(subscribed).toEqual(['dxer-event:sync.status']);
  });
});
