import net from 'node:net';

/** A TCP relay whose link to the server a test can cut and restore. */
export type SwitchableProxy = {
  /** Base URL to give the host instead of the server's own. */
  url: string;
  port: number;
  isOnline(): boolean;
  /** Cuts every open connection and refuses new ones until goOnline(). */
  goOffline(): void;
  goOnline(): void;
  close(): Promise<void>;
};

/**
 * Starts a relay on 127.0.0.1 to targetPort. Offline, it resets connections
 * as a dropped network would, so the host sees the same errors it would
 * see with the cable pulled, without the test touching the host.
 */
export async function startSwitchableProxy(targetPort: number): Promise<SwitchableProxy> {
  let online = true;
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    if (!online) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const drop = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('proxy has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    isOnline: () => online,
    goOffline() {
      online = false;
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    goOnline() {
      online = true;
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
