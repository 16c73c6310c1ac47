import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const resources = path.join(repoRoot, 'resources');
const script = path.join(repoRoot, 'scripts/render-icons.mjs');

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws unless the file is a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(pngSignature), 'PNG signature').toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The sizes an ICO's directory lists (a 0 byte means 256), checking each image lies inside the file. */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(0), 'reserved').toBe(0);
  expect(bytes.readUInt16LE(2), 'type 1 = icon').toBe(1);
  const count = bytes.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + 16 * i;
    const width = bytes[entry] || 256;
    const height = bytes[entry + 1] || 256;
    expect(height).toBe(width);
    const length = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(bytes.length);
    sizes.push(width);
  }
  return sizes;
}

function renderIcons(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

describe('the application icons', () => {
  it('are committed as a 512 px PNG, a Linux set and a Windows ICO of 16 to 256 px', () => {
    expect(pngSize(fs.readFileSync(path.join(resources, 'icon.png')))).toEqual({
      width: 512,
      height: 512,
    });
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const file = path.join(resources, 'icons', `${size}x${size}.png`);
      expect(pngSize(fs.readFileSync(file)), file).toEqual({ width: size, height: size });
    }
    expect(icoSizes(fs.readFileSync(path.join(resources, 'icon.ico')))).toEqual([
      16, 24, 32, 48, 64, 128, 256,
    ]);
  });

  it('match what resources/icon.svg renders to today', () => {
    const result = renderIcons('--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('are reported stale, by name, when the SVG changes and they were not rendered again', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-icons-'));
    try {
      const svg = fs
        .readFileSync(path.join(resources, 'icon.svg'), 'utf8')
        .replace('#0b5394', '#990000');
      const changed = path.join(dir, 'icon.svg');
      fs.writeFileSync(changed, svg);
      const result = renderIcons('--check', '--source', changed, '--out', resources);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('icon.ico');
      expect(result.stderr).toContain('icons/16x16.png');
      expect(result.stderr).toContain('npm run icons');

      // Rendering into an empty folder then checking it passes: the check compares, not trusts.
      expect(renderIcons('--source', changed, '--out', dir).status).toBe(0);
      expect(renderIcons('--check', '--source', changed, '--out', dir).status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
