import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src-server/audit/record';
import { openDatabase } from '../../src-server/db/connection';
import type { Knex } from '../../src-server/db/connection';
import { migrateToLatest } from '../../src-server/db/migrations';
import { sqliteDatabase } from './support/databases';
import type { DatabaseTarget } from './support/databases';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the verify command as an operator would, on one SQLite file. */
function runVerify(sqliteFile: string): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src-server/audit/verify-main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '', SQLITE_FILE: sqliteFile },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the audit verify command', () => {
  let target: DatabaseTarget;
  let file: string;
  let db: Knex;

  beforeAll(async () => {
    target = await sqliteDatabase.create();
    file = target.options.sqliteFile ?? '';
    db = openDatabase(target.options);
    await migrateToLatest(db);
    for (const entityId of ['bir', 'iki', 'üç', 'dörd', 'beş']) {
      await db.transaction((trx) =>
        recordAudit(trx, [
          { actorId: null, action: 'auth.login', entityType: 'user', entityId },
        ]),
      );
    }
  });
  afterAll(async () => {
    await db.destroy();
    await target.drop();
  });

  it('exits 0 on an intact chain and 1 naming the entry altered in the file', async () => {
    const intact = await runVerify(file);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^audit chain intact: 5 entries/);

    const altered = await db('audit_events')
      .where('entity_id', 'üç')
      .first<{ id: number }>('id');
    await db.raw('DROP TRIGGER audit_events_no_update');
    await db('audit_events').where('id', altered.id).update({ entity_id: 'üçüncü' });

    const broken = await runVerify(file);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`entry id ${altered.id}, chain_seq 3`);
    expect(broken.stdout).toContain('HASH_MISMATCH');
    expect(broken.stderr).toContain('"reason":"HASH_MISMATCH"');
  });

  it('exits 2 on a database without the chained audit log, and on a missing file', async () => {
    const empty = path.join(path.dirname(file), 'empty.sqlite');
    fs.writeFileSync(empty, '');
    const unmigrated = await runVerify(empty);
    expect(unmigrated.code).toBe(2);
    expect(unmigrated.stdout).toMatch(
      /^audit chain not verified: .*no chained audit log/,
    );

    const missing = path.join(path.dirname(file), 'missing.sqlite');
    expect((await runVerify(missing)).code).toBe(2);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
