// Opens a fresh desktop on a data directory, signs the reviewer in and runs
// the first sync, until the parent kills it with SIGKILL.
import { openDesktop, signIn } from './desktop-fixture';

const [dataDir, serverUrl] = process.argv.slice(2);
if (!dataDir || !serverUrl) throw new Error('usage: dataDir serverUrl');

const app = await openDesktop(dataDir, serverUrl);
await signIn(app, 'reviewer', serverUrl);
process.stdout.write('synced\n');
