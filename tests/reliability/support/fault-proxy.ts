import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Random } from './seeded-random';

/** What the proxy can do to one sync request or its response. */
export const networkFaults = [
  'dropRequest',
  'cutRequest',
  'delay',
  'duplicate',
  'reorder',
  'dropResponse',
  'cutResponse',
] as const;
export type NetworkFault = (typeof networkFaults)[number];

/** Moments of a sync request the driver can hook a kill or restart onto. */
export type ProxyEvent =
  'pushForwarded' | 'pushAnswered' | 'pullForwarded' | 'pullAnswered';

/** A one-shot hook: runs (awaited) at the event; optionally loses the response. */
export interface ProxyTrigger {
  on: ProxyEvent;
  run: () => Promise<void> | void;
  dropsResponse?: boolean;
}

export interface FaultProxy {
  url: string;
  /** Probability that a sync request meets a fault; 0 lets everything through. */
  faultRate: number;
  readonly faults: Record<NetworkFault, number>;
  triggers: ProxyTrigger[];
  /** Delivers a request held back for reordering now, its answer unread. */
  deliverHeld(): Promise<void>;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface HeldRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * An HTTP proxy between the desktop and the server that, on a seeded
 * schedule, drops, delays, duplicates, reorders and cuts sync requests and
 * responses, a cut falling mid-body. A reordered request is held back (the
 * client sees its connection fail and moves on) and delivered after the
 * next request has gone through, as a late copy from a slow network path.
 */
export async function startFaultProxy(
  targetPort: number,
  random: () => Random,
): Promise<FaultProxy> {
  const faults = Object.fromEntries(networkFaults.map((kind) => [kind, 0])) as Record<
    NetworkFault,
    number
  >;
  const state: { faultRate: number; triggers: ProxyTrigger[] } = {
    faultRate: 0,
    triggers: [],
  };
  let held: HeldRequest | null = null;
  const sockets = new Set<net.Socket>();

  const forward = (request: HeldRequest): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: targetPort,
          method: request.method,
          path: request.path,
          headers: { ...request.headers, connection: 'close' },
          agent: false,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('error', reject);
          answer.on('end', () =>
            resolve({
              status: answer.statusCode ?? 502,
              headers: answer.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      upstream.on('error', reject);
      upstream.end(request.body);
    });

  /** Sends the head and part of the body, then hangs up: the server sees a torn request. */
  const forwardCut = (request: HeldRequest, rng: Random): Promise<void> =>
    new Promise((resolve) => {
      const socket = net.connect(targetPort, '127.0.0.1', () => {
        const headers = Object.entries({ ...request.headers, connection: 'close' })
          .filter(([, value]) => value !== undefined)
          .map(([name, value]) => `${name}: ${String(value)}`)
          .join('\r\n');
        socket.write(`${request.method} ${request.path} HTTP/1.1\r\n${headers}\r\n\r\n`);
        socket.write(request.body.subarray(0, rng.int(0, request.body.length - 1)));
        setTimeout(() => socket.destroy(), 20);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });

  const fire = async (event: ProxyEvent): Promise<boolean> => {
    const due = state.triggers.filter((trigger) => trigger.on === event);
    state.triggers = state.triggers.filter((trigger) => trigger.on !== event);
    let dropsResponse = false;
    for (const trigger of due) {
      await trigger.run();
      dropsResponse ||= trigger.dropsResponse ?? false;
    }
    return dropsResponse;
  };

  const deliverHeld = async () => {
    const late = held;
    held = null;
    if (late) await forward(late).catch(() => undefined);
  };

  const handle = async (request: HeldRequest, response: http.ServerResponse) => {
    const rng = random();
    const kind = request.path.endsWith('/sync/push')
      ? 'push'
      : request.path.endsWith('/sync/pull')
        ? 'pull'
        : null;
    const fault: NetworkFault | null =
      kind !== null && rng.chance(state.faultRate) ? rng.pick(networkFaults) : null;
    if (fault) faults[fault] += 1;
    const hangUp = () => response.socket?.destroy();

    switch (fault) {
      case 'dropRequest':
        hangUp();
        return;
      case 'cutRequest':
        await forwardCut(request, rng);
        hangUp();
        return;
      case 'reorder':
        await deliverHeld();
        held = request;
        hangUp();
        return;
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, rng.int(20, 300)));
        break;
      default:
        break;
    }

    if (kind) await fire(kind === 'push' ? 'pushForwarded' : 'pullForwarded');
    let answer: Answer;
    try {
      if (fault === 'duplicate') {
        const [first, second] = await Promise.allSettled([
          forward(request),
          forward(request),
        ]);
        const chosen = rng.chance(0.5) ? [first, second] : [second, first];
        const settled = chosen.find((outcome) => outcome.status === 'fulfilled');
        if (!settled) throw new Error('both copies failed');
        answer = settled.value;
      } else {
        answer = await forward(request);
      }
    } catch {
      hangUp();
      return;
    }
    const dropsResponse = kind
      ? await fire(kind === 'push' ? 'pushAnswered' : 'pullAnswered')
      : false;
    if (kind) await deliverHeld();

    if (fault === 'dropResponse' || dropsResponse) {
      hangUp();
      return;
    }
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(answer.body.length);
    response.writeHead(answer.status, headers);
    if (fault === 'cutResponse' && answer.body.length > 1) {
      response.write(answer.body.subarray(0, rng.int(1, answer.body.length - 1)));
      setTimeout(hangUp, 5);
      return;
    }
    response.end(answer.body);
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = { ...request.headers };
      delete headers.connection;
      void handle(
        {
          method: request.method ?? 'GET',
          path: request.url ?? '/',
          headers,
          body: Buffer.concat(chunks),
        },
        response,
      ).catch(() => response.socket?.destroy());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    faults,
    deliverHeld,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}
