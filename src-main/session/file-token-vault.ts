import fs from 'node:fs/promises';
import path from 'node:path';
import type { TokenVault } from './token-vault';

/**
 * A token vault on a file only the user can read (mode 0600), for the
 * plain-Node host. Known shortcoming: the token is not encrypted at rest, so
 * anyone with the user's file access can use the session until it expires;
 * the Electron build uses the OS keychain through safeStorage instead.
 */
export function createFileTokenVault(dataDir: string): TokenVault {
  const file = path.join(dataDir, 'session-token');

  return {
    async read() {
      try {
        const token = (await fs.readFile(file, 'utf8')).trim();
        return token === '' ? null : token;
      } catch (error) {
        if (isMissingFile(error)) return null;
        throw error;
      }
    },
    async write(token) {
      await fs.mkdir(dataDir, { recursive: true });
      // Written aside and renamed so a crash never leaves half a token.
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, token, { mode: 0o600 });
      await fs.chmod(temporary, 0o600);
      await fs.rename(temporary, file);
    },
    async clear() {
      await fs.rm(file, { force: true });
    },
  };
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
