import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUpdatesCheck } from '../../src-server/updates/check-command';
import { writeFakeRelease } from '../support/update-feed';
import type { FakeRelease } from '../support/update-feed';
import { sqliteDatabase } from './support/databases';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with the path sent exactly as written (fetch would normalize "..", "%2F" stays). */
function rawRequest(
  url: string,
  rawPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawReply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname, port, path: rawPath, method, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

function errorCode(reply: RawReply): string {
  return (JSON.parse(reply.body.toString()) as { error: { code: string } }).error.code;
}

describe('the update feed', () => {
  let updatesDir: string;
  let server: TestServer;
  let release: FakeRelease;
  let beta: FakeRelease;

  beforeAll(async () => {
    updatesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-updates-'));
    release = writeFakeRelease(path.join(updatesDir, 'stable'), {
      version: '0.2.0',
      installerName: 'DXER-Desktop-Setup-0.2.0.exe',
      feedFile: 'latest.yml',
    });
    beta = writeFakeRelease(path.join(updatesDir, 'beta'), {
      version: '0.3.0-beta.1',
      installerName: 'DXER-Desktop-0.3.0-beta.1-x86_64.AppImage',
      feedFile: 'latest-linux.yml',
    });
    fs.writeFileSync(path.join(updatesDir, 'secret.txt'), 'outside every channel');
    fs.mkdirSync(path.join(updatesDir, 'stable', 'old'));
    fs.symlinkSync(
      path.join(updatesDir, 'secret.txt'),
      path.join(updatesDir, 'stable', 'linked.txt'),
    );
    server = await startTestServer(sqliteDatabase, { seedDemo: false, updatesDir });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(updatesDir, { recursive: true, force: true });
  });

  it('serves a channel file and its installer with their types and lengths, without signing in', async () => {
    const feed = await rawRequest(server.url, '/updates/stable/latest.yml');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('no-cache');
    expect(feed.body.toString()).toContain('version: 0.2.0');
    expect(Number(feed.headers['content-length'])).toBe(feed.body.length);

    const installer = await rawRequest(
      server.url,
      `/updates/stable/${release.installerName}`,
    );
    expect(installer.status).toBe(200);
    expect(installer.headers['content-type']).toBe(
      'application/vnd.microsoft.portable-executable',
    );
    expect(installer.headers['accept-ranges']).toBe('bytes');
    expect(Number(installer.headers['content-length'])).toBe(release.installer.length);
    expect(installer.body.equals(release.installer)).toBe(true);

    const appImage = await rawRequest(server.url, `/updates/beta/${beta.installerName}`);
    expect(appImage.status).toBe(200);
    expect(appImage.headers['content-type']).toBe('application/octet-stream');
    expect(appImage.body.equals(beta.installer)).toBe(true);
  });

  it('answers HEAD with the length and no body', async () => {
    const head = await rawRequest(
      server.url,
      `/updates/stable/${release.installerName}`,
      {},
      'HEAD',
    );
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(release.installer.length);
    expect(head.body.length).toBe(0);
  });

  it('serves single byte ranges, as the differential download asks for them', async () => {
    const file = `/updates/stable/${release.installerName}`;
    const size = release.installer.length;

    const middle = await rawRequest(server.url, file, { range: 'bytes=1000-1999' });
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe(`bytes 1000-1999/${size}`);
    expect(Number(middle.headers['content-length'])).toBe(1000);
    expect(middle.body.equals(release.installer.subarray(1000, 2000))).toBe(true);

    const tail = await rawRequest(server.url, file, { range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(release.installer.subarray(size - 10))).toBe(true);

    const open = await rawRequest(server.url, file, { range: `bytes=${size - 3}-` });
    expect(open.headers['content-range']).toBe(`bytes ${size - 3}-${size - 1}/${size}`);
    expect(open.body.length).toBe(3);

    const past = await rawRequest(server.url, file, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${size}`);

    // Several ranges at once are not served as multipart: the whole file comes back.
    const several = await rawRequest(server.url, file, { range: 'bytes=0-1,5-9' });
    expect(several.status).toBe(200);
    expect(several.body.length).toBe(size);
  });

  it('answers 404 for a file, a channel or a folder that is not published', async () => {
    for (const rawPath of [
      '/updates/stable/DXER-Desktop-Setup-9.9.9.exe',
      '/updates/nightly/latest.yml',
      '/updates/stable/old',
      // A link out of the channel folder is not followed.
      '/updates/stable/linked.txt',
      '/updates/latest.yml',
    ]) {
      const reply = await rawRequest(server.url, rawPath);
      expect(reply.status, rawPath).toBe(404);
      expect(errorCode(reply), rawPath).toBe('NOT_FOUND');
    }
  });

  it('answers 400 for names that are not plain file names, and serves nothing outside', async () => {
    for (const rawPath of [
      '/updates/stable/..%2Fsecret.txt',
      '/updates/stable/..%2F..%2F..%2Fetc%2Fpasswd',
      '/updates/stable/..',
      '/updates/stable/.hidden.yml',
      '/updates/stable/a%5C..%5Csecret.txt',
      '/updates/..%2Fstable/latest.yml',
      '/updates/stable/latest.yml%00.exe',
    ]) {
      const reply = await rawRequest(server.url, rawPath);
      expect(reply.status, rawPath).toBe(400);
      expect(errorCode(reply), rawPath).toBe('VALIDATION_FAILED');
      expect(reply.body.toString()).not.toContain('outside every channel');
    }
  });

  it('refuses a channel file whose installer does not match it, and serves it again once fixed', async () => {
    const channelDir = path.join(updatesDir, 'beta');
    const installerPath = path.join(channelDir, beta.installerName);
    const tampered = Buffer.from(beta.installer);
    tampered[0] = (tampered[0] ?? 0) ^ 0xff;
    fs.writeFileSync(installerPath, tampered);

    const refused = await rawRequest(server.url, '/updates/beta/latest-linux.yml');
    expect(refused.status).toBe(503);
    const body = JSON.parse(refused.body.toString()) as {
      error: { code: string; fields: Array<{ path: string; message: string }> };
    };
    expect(body.error.code).toBe('UPDATE_FEED_INVALID');
    expect(body.error.fields).toEqual([
      { path: beta.installerName, message: 'sha512-mismatch' },
    ]);

    fs.writeFileSync(installerPath, beta.installer);
    const served = await rawRequest(server.url, '/updates/beta/latest-linux.yml');
    expect(served.status).toBe(200);
  });
});

describe('npm run updates:check', () => {
  const lines: string[] = [];
  const check = (updatesDir: string, args: string[] = []) => {
    lines.length = 0;
    return runUpdatesCheck({
      env: { UPDATES_DIR: updatesDir },
      args,
      logger: pino({ level: 'silent' }),
      print: (line) => lines.push(line),
    });
  };

  it('prints OK per channel file and exits 0 when every installer matches', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-updates-check-'));
    writeFakeRelease(path.join(dir, 'stable'), {
      version: '0.2.0',
      installerName: 'DXER-Desktop-Setup-0.2.0.exe',
      feedFile: 'latest.yml',
    });
    writeFakeRelease(path.join(dir, 'stable'), {
      version: '0.2.0',
      installerName: 'DXER-Desktop-0.2.0-amd64.deb',
      feedFile: 'latest-linux.yml',
    });
    expect(await check(dir)).toBe(0);
    expect(lines).toEqual([
      'OK stable/latest-linux.yml: version 0.2.0 (DXER-Desktop-0.2.0-amd64.deb)',
      'OK stable/latest.yml: version 0.2.0 (DXER-Desktop-Setup-0.2.0.exe)',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names each mismatching, missing or unreadable file and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-updates-check-'));
    writeFakeRelease(path.join(dir, 'stable'), {
      version: '0.2.0',
      installerName: 'DXER-Desktop-Setup-0.2.0.exe',
      feedFile: 'latest.yml',
      listedSha512: 'AAAA',
    });
    const linux = writeFakeRelease(path.join(dir, 'beta'), {
      version: '0.3.0',
      installerName: 'DXER-Desktop-0.3.0-amd64.deb',
      feedFile: 'latest-linux.yml',
    });
    fs.rmSync(path.join(dir, 'beta', linux.installerName));
    fs.writeFileSync(path.join(dir, 'beta', 'latest-mac.yml'), 'version: [unclosed');

    expect(await check(dir)).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^BAD stable\/latest\.yml: DXER-Desktop-Setup-0\.2\.0\.exe sha512-mismatch/u,
    );
    expect(lines[1]).toMatch(
      /^BAD beta\/latest-linux\.yml: DXER-Desktop-0\.3\.0-amd64\.deb missing/u,
    );
    expect(lines[2]).toMatch(
      /^BAD beta\/latest-mac\.yml: latest-mac\.yml unreadable-feed/u,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 when there is no folder or no channel file, or it is given arguments', async () => {
    expect(await check(path.join(os.tmpdir(), 'dxer-no-such-updates-folder'))).toBe(2);
    expect(lines[0]).toContain('no folder');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-updates-check-'));
    expect(await check(empty)).toBe(2);
    expect(lines[0]).toContain('no latest*.yml');
    expect(await check(empty, ['--fix'])).toBe(2);
    expect(lines[0]).toContain('usage');
    fs.rmSync(empty, { recursive: true, force: true });
  });

  it('runs as the npm script an administrator types, verdict on stdout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-updates-check-'));
    writeFakeRelease(path.join(dir, 'stable'), {
      version: '0.2.0',
      installerName: 'DXER-Desktop-Setup-0.2.0.exe',
      feedFile: 'latest.yml',
      listedSha512: 'AAAA',
    });
    const run = await new Promise<{ code: number | null; stdout: string }>(
      (resolve, reject) => {
        const child = spawn('npm', ['run', '--silent', 'updates:check'], {
          cwd: repoRoot,
          env: { ...process.env, UPDATES_DIR: dir, LOG_LEVEL: 'silent' },
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout }));
      },
    );
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toMatch(/^BAD stable\/latest\.yml: .*sha512-mismatch/u);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
