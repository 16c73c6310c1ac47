import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program. It is plain JavaScript that needs nothing but
 * Node itself, given as source so the same file runs under tsx, in tests
 * and from the main-process bundle, which has no worker entry of its own.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const fd = fs.openSync(workerData.file, 'w');
const hash = createHash('sha256');
parentPort.on('message', (message) => {
  try {
    if (message === null) {
      fs.closeSync(fd);
      parentPort.postMessage({ kind: 'done', sha256: hash.digest('hex') });
      return;
    }
    const chunk = Buffer.from(message);
    hash.update(chunk);
    for (let offset = 0; offset < chunk.length; ) {
      offset += fs.writeSync(fd, chunk, offset);
    }
    parentPort.postMessage({ kind: 'written', bytes: chunk.length });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', message: String(error && error.message) });
  }
});
`;

type WorkerMessage =
  | { kind: 'written'; bytes: number }
  | { kind: 'done'; sha256: string }
  | { kind: 'failed'; message: string };

/** Bytes handed to the worker and not yet written before the download waits for it. */
const MAX_IN_FLIGHT = 16 * 1024 * 1024;

/** A file being written, and hashed, on a thread of its own. */
export interface SnapshotFileWriter {
  /** Hands a chunk over; waits while the worker is far behind. */
  write(chunk: Buffer): Promise<void>;
  /** Closes the file; resolves with the SHA-256 of everything written. */
  finish(): Promise<string>;
  /** Stops the worker; the partial file is the caller's to remove. */
  abort(): Promise<void>;
}

/**
 * Writes a large download to `file` with its SHA-256 worked out on a worker
 * thread. On the thread that reads the socket, hashing and writing a
 * national registry's snapshot (500 MB) took as long again as receiving it;
 * on two cores the three now overlap.
 */
export function startSnapshotFileWriter(file: string): SnapshotFileWriter {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file } });
  let inFlight = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let finished: ((sha256: string) => void) | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'written') {
      inFlight -= message.bytes;
      if (inFlight <= MAX_IN_FLIGHT / 2) wake?.();
    } else if (message.kind === 'done') finished?.(message.sha256);
    else fail(new Error(`writing the snapshot failed: ${message.message}`));
  });
  worker.on('error', fail);

  return {
    async write(chunk) {
      // Read through a call: the worker's messages set it while this waits.
      const failed = () => failure;
      const early = failed();
      if (early) throw early;
      // A copy the worker may own: a socket chunk can share its memory with others.
      const owned = new Uint8Array(chunk);
      inFlight += owned.length;
      worker.postMessage(owned, [owned.buffer]);
      while (inFlight > MAX_IN_FLIGHT && !failed()) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      const late = failed();
      if (late) throw late;
    },
    async finish() {
      const digest = new Promise<string>((resolve, reject) => {
        finished = resolve;
        worker.once('error', reject);
        worker.once('message', (message: WorkerMessage) => {
          if (message.kind === 'failed') reject(new Error(message.message));
        });
      });
      worker.postMessage(null);
      try {
        return await digest;
      } finally {
        await worker.terminate();
      }
    },
    async abort() {
      await worker.terminate();
    },
  };
}
