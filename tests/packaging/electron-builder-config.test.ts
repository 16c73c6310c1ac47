import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder's own loader and schema, as `npm run dist` uses them; the
// packages ship no ESM entry for these internals, hence require.
const require = createRequire(import.meta.url);
const repoRoot = path.resolve(__dirname, '../..');

interface BuilderConfig {
  files?: unknown[];
  asarUnpack?: string[];
  [key: string]: unknown;
}

const { getConfig, validateConfiguration } =
  require('app-builder-lib/out/util/config/config') as {
    getConfig: (
      dir: string,
      file: string | null,
      options: null,
    ) => Promise<BuilderConfig>;
    validateConfiguration: (config: BuilderConfig, logger: unknown) => Promise<void>;
  };
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};
const { minimatch } = require('minimatch') as {
  minimatch: (file: string, pattern: string, options?: { dot?: boolean }) => boolean;
};

const loadConfig = () => getConfig(repoRoot, null, null);
const packageJson = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
) as {
  main: string;
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Whether a path of the app is packed by the configuration's `files` globs. */
function isPacked(config: BuilderConfig, file: string): boolean {
  // The loader turns the globs into { filter } entries; plain strings are kept too.
  const patterns = (config.files ?? []).flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    const filter = (entry as { filter?: unknown }).filter;
    return Array.isArray(filter) ? filter.filter((f) => typeof f === 'string') : [];
  });
  expect(patterns.length).toBeGreaterThan(0);
  return patterns.some((pattern) => minimatch(file, pattern, { dot: true }));
}

describe('the packaging configuration', () => {
  it('passes electron-builder’s own schema', async () => {
    const config = await loadConfig();
    await expect(
      validateConfiguration(config, new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('is refused by that schema when an option is wrong, so the check can fail', async () => {
    const config = await loadConfig();
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...(config.nsis as object), perMachine: 'sometimes' } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/configuration/i);
  });

  it('packs what the app loads at run time: the main bundle, the preload and the renderer', async () => {
    const config = await loadConfig();
    const electronMain = fs.readFileSync(
      path.join(repoRoot, 'src-main/electron/main.ts'),
      'utf8',
    );
    const preload = /['"](dist\/main\/preload\.cjs)['"]/u.exec(electronMain)?.[1];
    const renderer = /['"](dist\/renderer)['"]/u.exec(electronMain)?.[1];
    expect(preload).toBe('dist/main/preload.cjs');
    expect(renderer).toBe('dist/renderer');
    for (const file of [
      packageJson.main,
      preload ?? '',
      `${renderer ?? ''}/index.html`,
      'package.json',
    ]) {
      expect(isPacked(config, file), file).toBe(true);
    }
    expect(isPacked(config, 'src-main/electron/main.ts')).toBe(false);
  });

  it('bundles the migrations into main and packs the report font and the native database module', async () => {
    const config = await loadConfig();
    // Migrations are imported, not read from disk, so the bundle carries them.
    const migrations = fs
      .readdirSync(path.join(repoRoot, 'src-main/local-store/migrations'))
      .filter((name) => /^\d{12}_.*\.ts$/u.test(name));
    const index = fs.readFileSync(
      path.join(repoRoot, 'src-main/local-store/migrations/index.ts'),
      'utf8',
    );
    for (const migration of migrations) {
      expect(index, migration).toContain(`'${migration.replace(/\.ts$/u, '')}'`);
    }
    // electron-builder packs production dependencies; fonts and sqlite3 must be among them.
    for (const dependency of [
      'dejavu-fonts-ttf',
      'sqlite3',
      'pdfkit',
      'exceljs',
      'knex',
    ]) {
      expect(packageJson.dependencies[dependency], dependency).toBeDefined();
      expect(packageJson.devDependencies[dependency], dependency).toBeUndefined();
    }
    expect(
      (config.asarUnpack ?? []).some((pattern) =>
        minimatch('node_modules/sqlite3/build/Release/node_sqlite3.node', pattern),
      ),
    ).toBe(true);
  });

  it('names the app and its version, registers no file types, and points at the rendered icons', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('az.gov.vxsida.dxer');
    expect(config.productName).toBe('DXER Desktop');
    // electron-builder takes the version from package.json; the update feed compares it.
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/u);
    expect(config.fileAssociations).toBeUndefined();
    const icons = [
      config.icon,
      platform(config, 'win').icon,
      platform(config, 'nsis').installerIcon,
      platform(config, 'nsis').uninstallerIcon,
      platform(config, 'linux').icon,
      platform(config, 'mac').icon,
    ];
    expect(icons).toEqual([
      'resources/icon.png',
      'resources/icon.ico',
      'resources/icon.ico',
      'resources/icon.ico',
      'resources/icons',
      'resources/icon.png',
    ]);
    for (const icon of icons) {
      expect(fs.existsSync(path.join(repoRoot, String(icon))), String(icon)).toBe(true);
    }
    expect(packageJson.scripts.icons).toBe('node scripts/render-icons.mjs');
  });

  it('names installers without spaces and publishes a feed of single byte ranges', async () => {
    const config = await loadConfig();
    // The update server serves plain names only (letters, digits, dot, dash, underscore).
    for (const name of [config.artifactName, platform(config, 'nsis').artifactName]) {
      expect(String(name)).toMatch(/^[\w.${}-]+$/u);
    }
    const publish = config.publish as Record<string, unknown>;
    expect(publish.provider).toBe('generic');
    expect(publish.useMultipleRangeRequest).toBe(false);
  });
});

function platform(config: BuilderConfig, name: string): Record<string, unknown> {
  return config[name] as Record<string, unknown>;
}
