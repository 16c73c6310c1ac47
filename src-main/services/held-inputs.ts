import type { Knex } from 'knex';
import type { HeldInput } from '../../shared/contract/views';
import { DomainError } from '../../shared/errors';
import { transition } from '../../shared/workflow/state-machine';
import { putHeldInput } from '../local-store/held-inputs-table';
import { getServiceDraft } from '../local-store/service-drafts-table';
import { getService } from '../local-store/services-table';
import { requireAgencyStaff } from './actor';
import type { Actor } from './actor';
import { freshOverlay } from './service-overlay';

/**
 * Keeps what the user typed into a field that cannot be saved as a draft
 * yet, under the same rules as an edit: own agency, editable status. It
 * queues nothing: the server only ever sees values that save.
 */
export async function saveHeldInput(
  db: Knex,
  actor: Actor,
  serviceId: string,
  held: HeldInput,
): Promise<void> {
  await db.transaction(async (trx) => {
    const service = await getService(trx, serviceId);
    if (!service) {
      throw new DomainError('NOT_FOUND', 'No such service on this computer', [
        { path: 'serviceId', message: 'not found' },
      ]);
    }
    requireAgencyStaff(actor, service.agencyId);
    const overlay = (await getServiceDraft(trx, serviceId)) ?? freshOverlay(service);
    transition('serviceVersion', overlay.status, 'edit');

    await putHeldInput(trx, {
      serviceId,
      field: held.field,
      raw: held.raw,
      updatedAt: new Date().toISOString(),
    });
  });
}
