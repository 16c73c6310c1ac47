import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSnapshotFileWriter } from './snapshot-file-writer';

describe('writing a snapshot on a worker thread', () => {
  it('writes every chunk in order and hashes what it wrote, waiting when far ahead', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-writer-'));
    const file = path.join(dir, 'out.sqlite');
    const expected = createHash('sha256');
    const writer = startSnapshotFileWriter(file);
    // 40 MB in 64 KB chunks: more than the worker may fall behind by.
    for (let i = 0; i < 640; i += 1) {
      const chunk = Buffer.alloc(64 * 1024, i % 251);
      expected.update(chunk);
      await writer.write(chunk);
      // The writer owns a copy: the caller's chunk stays usable.
      expect(chunk[0]).toBe(i % 251);
    }
    expect(await writer.finish()).toBe(expected.digest('hex'));
    const written = fs.readFileSync(file);
    expect(written.length).toBe(640 * 64 * 1024);
    expect(written[65 * 1024 * 5]).toBe(5);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails, rather than hangs, when the file cannot be written', async () => {
    const writer = startSnapshotFileWriter(
      path.join(os.tmpdir(), 'no-such-dir', 'x', 'f'),
    );
    const attempt = (async () => {
      for (let i = 0; i < 1000; i += 1) await writer.write(Buffer.alloc(64 * 1024));
      return writer.finish();
    })();
    await expect(attempt).rejects.toThrow();
    await writer.abort();
  });
});
