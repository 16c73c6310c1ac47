// Opens the desktop on a data directory and saves edits in a loop, printing
// each number after its commit, until the parent kills it with SIGKILL.
import { openDesktop } from './desktop-fixture';

const [dataDir, serverUrl, serviceId] = process.argv.slice(2);
if (!dataDir || !serverUrl || !serviceId)
  throw new Error('usage: dataDir serverUrl serviceId');

const app = await openDesktop(dataDir, serverUrl);
const detail = await app.handlers['services.get']({ serviceId });
for (let edit = 1; ; edit += 1) {
  await app.handlers['services.saveDraft']({
    serviceId,
    record: {
      ...detail.draft,
      description: `Qəza testi: ${edit}-ci düzəliş yadda saxlanıldı.`,
    },
  });
  process.stdout.write(`${edit}\n`);
}
