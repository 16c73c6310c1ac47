/**
 * Where the session token rests between runs. The plain-Node host keeps it
 * in a file readable only by the user; Electron encrypts it with safeStorage.
 */
export interface TokenVault {
  read(): Promise<string | null>;
  write(token: string): Promise<void>;
  clear(): Promise<void>;
}
