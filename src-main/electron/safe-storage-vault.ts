import fs from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { TokenVault } from '../session/token-vault';

/**
 * A token vault encrypted with the operating system's keychain through
 * Electron's safeStorage, kept in a user-only file in userData. Where no
 * keychain is available (some Linux desktops) the token is not kept at all:
 * the user signs in again on each start rather than leaving it in clear text.
 */
export function createSafeStorageVault(
  safeStorage: SafeStorage,
  userDataDir: string,
): TokenVault {
  const file = path.join(userDataDir, 'session-token.bin');

  return {
    async read() {
      if (!safeStorage.isEncryptionAvailable()) return null;
      let encrypted: Buffer;
      try {
        encrypted = await fs.readFile(file);
      } catch {
        return null;
      }
      try {
        const token = safeStorage.decryptString(encrypted);
        return token === '' ? null : token;
      } catch {
        // Encrypted under another OS account or keychain: useless, so dropped.
        await fs.rm(file, { force: true });
        return null;
      }
    },
    async write(token) {
      if (!safeStorage.isEncryptionAvailable()) return;
      await fs.mkdir(userDataDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, safeStorage.encryptString(token), { mode: 0o600 });
      await fs.rename(temporary, file);
    },
    async clear() {
      await fs.rm(file, { force: true });
    },
  };
}
