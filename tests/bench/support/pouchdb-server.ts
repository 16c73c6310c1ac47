// A local PouchDB server for the sync bench, in its own process as the DXER
// server is: express-pouchdb over PouchDB's LevelDB adapter, databases in
// the folder given, on 127.0.0.1. Prints its URL on stdout.
import http from 'node:http';
import path from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-node';

const [folder] = process.argv.slice(2);
if (!folder) throw new Error('usage: folder');
// An express 4 application, served as it is. The minimal mode: the CouchDB
// API replication uses, without Fauxton, users or config files.
const app = expressPouchDB(PouchDB.defaults({ prefix: `${folder}${path.sep}` }), {
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
  logPath: path.join(folder, 'express-pouchdb.log'),
});
const server = http.createServer(app);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
