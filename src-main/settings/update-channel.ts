import type { Knex } from 'knex';
import { DEFAULT_UPDATE_CHANNEL, updateChannelSchema } from '../../shared/api/updates';
import type { UpdateChannel } from '../../shared/api/updates';
import { readMeta, writeMeta } from '../local-store/meta-table';

/**
 * The update channel the user chose; 'stable' until they choose. The
 * updater reads it before each check (DesktopApp.updateChannel), so a
 * change applies from the next check on.
 */
export async function readUpdateChannel(db: Knex): Promise<UpdateChannel> {
  return updateChannelSchema
    .catch(DEFAULT_UPDATE_CHANNEL)
    .parse(await readMeta(db, 'update_channel'));
}

export async function writeUpdateChannel(
  db: Knex,
  channel: UpdateChannel,
): Promise<void> {
  await writeMeta(db, 'update_channel', channel);
}
