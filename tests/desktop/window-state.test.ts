import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultWindowState,
  loadWindowState,
  saveWindowState,
} from '../../src-main/electron/window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('window state', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxer-window-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('restores the size, position and maximized flag it saved', async () => {
    const saved = {
      bounds: { x: 100, y: 50, width: 1400, height: 900 },
      isMaximized: true,
    };

    await saveWindowState(dir, saved);
    const loaded = await loadWindowState(dir, screen);

    expect(loaded).toEqual({ state: saved, isRestored: true });
  });

  it('opens at the default size when nothing was saved', async () => {
    expect(await loadWindowState(dir, screen)).toEqual({
      state: defaultWindowState,
      isRestored: false,
    });
  });

  it('opens at the default size when the saved window would be off every display', async () => {
    await saveWindowState(dir, {
      bounds: { x: 3000, y: 0, width: 1200, height: 800 },
      isMaximized: false,
    });

    expect((await loadWindowState(dir, screen)).isRestored).toBe(false);
  });

  it('ignores a damaged file instead of failing to open the window', async () => {
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"bounds":');

    expect((await loadWindowState(dir, screen)).state).toEqual(defaultWindowState);
  });

  it('ignores absurd sizes written by hand', async () => {
    fs.writeFileSync(
      path.join(dir, 'window-state.json'),
      JSON.stringify({
        bounds: { x: 0, y: 0, width: 1e9, height: -5 },
        isMaximized: false,
      }),
    );

    expect((await loadWindowState(dir, screen)).isRestored).toBe(false);
  });
});
