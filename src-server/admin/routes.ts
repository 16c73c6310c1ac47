import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import { DomainError, parseOrThrow } from '../../shared/errors';
import {
  createUserRequestSchema,
  updateUserRequestSchema,
  upsertAgencyRequestSchema,
} from '../../shared/api/admin';
import { idSchema } from '../../shared/domain/ids';
import type { User } from '../../shared/domain/user';
import { recordAudit } from '../audit/record';
import { authenticate, currentUser } from '../auth/authenticate';
import { hashPassword } from '../auth/passwords';
import { revokeUserSessions } from '../auth/sessions';
import { findUserById, userFromRow } from '../auth/users';
import type { UserRow } from '../auth/users';
import { authorize } from '../authorization/policy';
import { exists, nowIso } from '../db/rows';
import { agencyToRow } from '../registry/rows';
import { writeFeedEntries } from '../sync/feed';

const paramsSchema = z.object({ id: idSchema });

function adminOf(request: FastifyRequest): User {
  const user = currentUser(request);
  authorize(user, 'user.manage');
  return user;
}

/** User and agency management, for administrators only. */
export function registerAdminRoutes(app: FastifyInstance, db: Knex): void {
  const guarded = { preHandler: authenticate(db) };

  app.get('/api/v1/admin/users', guarded, async (request) => {
    adminOf(request);
    const rows = await db<UserRow>('users').orderBy('username');
    return { users: rows.map(userFromRow) };
  });

  app.post('/api/v1/admin/users', guarded, async (request, reply) => {
    const admin = adminOf(request);
    const body = parseOrThrow(createUserRequestSchema, request.body, 'user');
    if (body.agencyId && !(await exists(db('agencies').where('id', body.agencyId)))) {
      throw new DomainError('VALIDATION_FAILED', 'No such agency', [
        { path: 'agencyId', message: 'unknown agency' },
      ]);
    }
    if (await exists(db('users').where('username', body.username))) {
      throw new DomainError('ALREADY_EXISTS', 'This username is taken', [
        { path: 'username', message: 'already taken' },
      ]);
    }
    const now = nowIso();
    const row: UserRow = {
      id: randomUUID(),
      username: body.username,
      display_name: body.displayName,
      role: body.role,
      agency_id: body.agencyId,
      is_active: true,
      password_hash: await hashPassword(body.password),
      created_at: now,
      updated_at: now,
    };
    await db.transaction(async (trx) => {
      await trx('users').insert(row);
      await recordAudit(trx, [
        {
          actorId: admin.id,
          action: 'user.create',
          entityType: 'user',
          entityId: row.id,
          details: { username: row.username, role: row.role, agencyId: row.agency_id },
        },
      ]);
    });
    return reply.status(201).send({ user: userFromRow(row) });
  });

  app.patch('/api/v1/admin/users/:id', guarded, async (request) => {
    const admin = adminOf(request);
    const { id } = parseOrThrow(paramsSchema, request.params, 'path');
    const body = parseOrThrow(updateUserRequestSchema, request.body, 'user update');
    const existing = await findUserById(db, id);
    if (!existing) throw new DomainError('NOT_FOUND', 'No such user');

    const changes: Partial<UserRow> = { updated_at: nowIso() };
    if (body.displayName !== undefined) changes.display_name = body.displayName;
    if (body.isActive !== undefined) changes.is_active = body.isActive;
    if (body.password !== undefined)
      changes.password_hash = await hashPassword(body.password);
    await db.transaction(async (trx) => {
      await trx('users').where('id', id).update(changes);
      // A new password or a disabled account ends every open session.
      if (body.password !== undefined || body.isActive === false) {
        await revokeUserSessions(trx, id);
      }
      await recordAudit(trx, [
        {
          actorId: admin.id,
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          details: {
            displayName: body.displayName,
            isActive: body.isActive,
            passwordChanged: body.password !== undefined,
          },
        },
      ]);
    });
    const updated = await findUserById(db, id);
    if (!updated) throw new DomainError('NOT_FOUND', 'No such user');
    return { user: userFromRow(updated) };
  });

  app.put('/api/v1/admin/agencies/:id', guarded, async (request) => {
    const admin = currentUser(request);
    authorize(admin, 'agency.manage');
    const { id } = parseOrThrow(paramsSchema, request.params, 'path');
    const agency = parseOrThrow(upsertAgencyRequestSchema, request.body, 'agency');
    if (agency.id !== id) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'The body names another agency than the path',
        [{ path: 'id', message: 'must equal the id in the path' }],
      );
    }
    const clash = await exists(
      db('agencies').where('code', agency.code).whereNot('id', id),
    );
    if (clash) {
      throw new DomainError('ALREADY_EXISTS', 'Another agency has this code', [
        { path: 'code', message: 'already used' },
      ]);
    }
    await db.transaction(async (trx) => {
      await trx('agencies')
        .insert(agencyToRow(agency, nowIso()))
        .onConflict('id')
        .merge(['code', 'group_name', 'name_az', 'name_en', 'is_active', 'updated_at']);
      await recordAudit(trx, [
        {
          actorId: admin.id,
          action: 'agency.upsert',
          entityType: 'agency',
          entityId: id,
          details: { code: agency.code, isActive: agency.isActive },
        },
      ]);
      await writeFeedEntries(trx, [
        { entityType: 'agency', entityId: id, agencyId: id, isPublic: true },
      ]);
    });
    return { agency };
  });
}
