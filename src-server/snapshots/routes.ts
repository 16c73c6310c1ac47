import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import { DomainError, parseOrThrow } from '../../shared/errors';
import { SNAPSHOT_LAYOUT_VERSION } from '../../shared/sync/snapshot-layout';
import { authenticate, currentUser } from '../auth/authenticate';
import { checkProtocol } from '../http/protocol';
import type { SnapshotKeeper } from './snapshot-keeper';

const snapshotQuerySchema = z.strictObject({
  /** The snapshot layout the desktop understands (shared/sync/snapshot-layout.ts). */
  layout: z.coerce.number().int().positive(),
});

/**
 * GET /api/v1/sync/snapshot: the first-sync snapshot of the signed-in
 * user's scope, a SQLite file in the desktop's synced-table layout with the
 * feed cursor it is complete up to. 404 SNAPSHOT_NOT_READY when none is
 * ready for that scope and layout (the desktop then pulls the feed).
 */
export function registerSnapshotRoutes(
  app: FastifyInstance,
  deps: { db: Knex; snapshots: SnapshotKeeper | null },
): void {
  app.get(
    '/api/v1/sync/snapshot',
    { preValidation: checkProtocol, preHandler: authenticate(deps.db) },
    async (request, reply) => {
      const user = currentUser(request);
      const query = parseOrThrow(snapshotQuerySchema, request.query, 'snapshot request');
      const snapshot =
        query.layout === SNAPSHOT_LAYOUT_VERSION && deps.snapshots
          ? await deps.snapshots.current(user)
          : null;
      if (!snapshot) {
        throw new DomainError(
          'SNAPSHOT_NOT_READY',
          'No first-sync snapshot is ready for this user; pull the change feed',
        );
      }
      return reply
        .header('content-type', 'application/vnd.sqlite3')
        .header('content-length', snapshot.bytes)
        .header('cache-control', 'no-store')
        .header('x-dxer-snapshot-sha256', snapshot.sha256)
        .header('x-dxer-snapshot-cursor', snapshot.cursor)
        .send(fs.createReadStream(snapshot.file, { highWaterMark: 1 << 20 }));
    },
  );
}
