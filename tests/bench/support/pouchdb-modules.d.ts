// The few calls of pouchdb-node and express-pouchdb the sync bench makes;
// neither package ships its own types.
declare module 'pouchdb-node' {
  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
  }
  interface PouchDatabase {
    info(): Promise<{ doc_count: number }>;
    close(): Promise<void>;
  }
  interface PouchStatic {
    new (name: string): PouchDatabase;
    defaults(options: { prefix: string }): PouchStatic;
    replicate(
      source: string,
      target: PouchDatabase,
      options?: { batch_size?: number; batches_limit?: number },
    ): Promise<ReplicationResult>;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  function expressPouchDB(
    pouch: unknown,
    options?: { mode?: string; inMemoryConfig?: boolean; logPath?: string },
  ): RequestListener;
  export default expressPouchDB;
}
