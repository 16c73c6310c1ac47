import type { Knex } from 'knex';
import { DomainError } from '../../shared/errors';
import { recordAudit } from '../audit/record';
import { exists, lockRow } from '../db/rows';
import { writeFeedEntries } from '../sync/feed';
import type { ServiceRow } from './rows';

/**
 * Deletes a service that never reached VXSİDA (only never-submitted
 * drafts), leaving a removal in the feed so every client drops it. This is
 * an operator's maintenance tool: no HTTP route exposes it yet, so an agency
 * cannot delete a mistaken service itself and must ask an operator.
 */
export async function purgeService(
  db: Knex,
  serviceId: string,
  actorId: string | null,
): Promise<void> {
  await db.transaction(async (trx) => {
    await lockRow(trx, 'services', 'id', serviceId);
    const service = await trx<ServiceRow>('services').where('id', serviceId).first();
    if (!service) throw new DomainError('NOT_FOUND', 'No such service');
    const reviewed = await exists(
      trx('service_versions')
        .where('service_id', serviceId)
        .where(
          (q) => void q.whereNot('status', 'draft').orWhere('submission_no', '>', 0),
        ),
    );
    if (reviewed) {
      throw new DomainError(
        'ILLEGAL_TRANSITION',
        'Only a service never submitted can be purged',
      );
    }
    await trx('service_versions').where('service_id', serviceId).delete();
    await trx('services').where('id', serviceId).delete();
    await recordAudit(trx, [
      {
        actorId,
        action: 'service.purge',
        entityType: 'service',
        entityId: serviceId,
        details: { registryCode: service.registry_code },
      },
    ]);
    await writeFeedEntries(trx, [
      {
        entityType: 'service',
        entityId: serviceId,
        agencyId: service.agency_id,
        isPublic: false,
        isRemoved: true,
      },
    ]);
  });
}
