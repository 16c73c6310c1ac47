import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../logger';
import { serverUrlOverride } from '../settings/server-url';
import { startHost } from './host-server';

// The plain-Node host: the desktop core without Electron, serving the built
// renderer and the contract on 127.0.0.1 for a browser and for end-to-end tests.

const logger = createLogger();
const log = logger.child({ module: 'host-main' });

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.resolve(
  process.env.DXER_DATA_DIR ?? path.join(os.homedir(), '.dxer-desktop'),
);
const rendererDir = path.resolve(
  process.env.DXER_RENDERER_DIR ?? path.join(repoRoot, 'dist/renderer'),
);
const port = Number(process.env.HOST_PORT ?? '8788');

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`HOST_PORT must be a port number, not "${process.env.HOST_PORT}"`);
  }

  const serverUrl = serverUrlOverride(process.argv, process.env);
  const host = await startHost({ port, dataDir, serverUrl, rendererDir, logger });
  log.info({ url: host.url, dataDir, serverUrl }, 'DXER host ready');

  let isStopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, 'stopping');
    try {
      await host.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'stopping failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'host failed to start');
  process.exit(1);
});
