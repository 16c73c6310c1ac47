import type { Knex } from 'knex';
import type { User } from '../../shared/domain/user';
import { isPostgres } from '../db/rows';
import { canSeeAnswers, visibleCandidateSql, visibleSql } from './visibility';

/**
 * SQL that renders each row `c` of a feed page (entity_type, entity_id,
 * position) as the JSON of its change, as this user may see it: the
 * entity's current state, or a removal when it is gone or hidden. Stored
 * JSON (records, remarks, aliases, evaluation documents) is spliced in as
 * the text it is.
 *
 * Why in SQL: the drivers build a JavaScript object per row and per column,
 * and for a full pull of a national registry that, not the database's own
 * work, was most of the time. Rendered this way a page comes back as one
 * value: the changes' JSON separated by commas, as UTF-8 bytes from SQLite
 * and as text from PostgreSQL. The field names and meanings match registry/rows.ts and the
 * entity schemas of shared/sync/protocol.ts; the pull tests compare the two.
 *
 * On PostgreSQL rendering costs some 25 µs per entity (one correlated
 * lookup per service, name and version), so page-render.ts renders a page
 * in slices on separate connections, one per core.
 *
 * A full pull of 100,000 services (333 MB of JSON) takes some 5 s on a
 * 2-core machine; new desktops are spared it by the first-sync snapshots
 * (snapshots/), which are themselves filled from these pages.
 */
export function changeJsonSql(db: Knex, user: User): Knex.Raw {
  const pg = isPostgres(db);
  const q = (column: string) =>
    pg ? `COALESCE(to_json(${column})::text, 'null')` : `json_quote(${column})`;
  // Ids (UUIDs), ISO timestamps, statuses and generated codes never hold a
  // character JSON must escape: quoting them by hand spares PostgreSQL a
  // function call per field, which was a third of its time on a page.
  const token = (column: string) => `COALESCE('"' || ${column} || '"', 'null')`;
  const agg = (value: string, order: string) =>
    pg
      ? `string_agg(${value}, ',' ORDER BY ${order})`
      : `group_concat(${value}, ',' ORDER BY ${order})`;
  // SQLite's concat() builds its result in one pass, where a chain of ||
  // copies the growing text at every step; PostgreSQL's concat() looks up
  // each argument's output function on every call, so there || is cheaper,
  // with the long record last so it is copied as few times as possible.
  const cat = (pieces: string[]) =>
    pg ? `(${pieces.join(' || ')})` : `concat(${pieces.join(', ')})`;
  const fieldPieces = (fields: Array<[string, string]>, before: string) => {
    const pieces = [`'${before}{'`];
    fields.forEach(([key, value], i) =>
      pieces.push(`'${i === 0 ? '' : ','}"${key}":'`, value),
    );
    return pieces;
  };
  const object = (fields: Array<[string, string]>, before = '', after = '') =>
    cat([...fieldPieces(fields, before), `'}${after}'`]);

  const put = (entity: string) => `{"entity":"${entity}","op":"put","data":`;
  const version = object([
    ['id', token('v.id')],
    ['serviceId', token('v.service_id')],
    ['number', 'v.number'],
    ['status', token('v.status')],
    ['submissionNo', 'v.submission_no'],
    ['remarks', 'v.remarks'],
    ['createdAt', token('v.created_at')],
    ['createdBy', token('v.created_by')],
    ['updatedAt', token('v.updated_at')],
    ['submittedAt', token('v.submitted_at')],
    ['submittedBy', token('v.submitted_by')],
    ['decidedAt', token('v.decided_at')],
    ['decidedBy', token('v.decided_by')],
    ['history', 'v.history'],
    ['record', 'v.record'],
  ]);
  const versionVisible = visibleSql(user, 'v', 's.agency_id');
  // Grouped over the visible versions only: a service with none yields no
  // row, which makes it a removal for this user.
  const service = `(SELECT ${object(
    [
      ['id', token('s.id')],
      ['agencyId', token('s.agency_id')],
      ['serviceNameId', token('s.service_name_id')],
      ['registryCode', token('s.registry_code')],
      ['revision', 's.revision'],
      ['createdAt', token('s.created_at')],
      ['versions', cat([`'['`, agg(version, 'v.number'), `']'`])],
    ],
    put('service'),
    '}',
  )} FROM services s JOIN service_versions v ON v.service_id = s.id WHERE s.id = c.entity_id AND ${versionVisible.sql} GROUP BY s.id)`;

  const nameVisible = visibleSql(user, 'n', 'n.agency_id');
  const serviceName = `(SELECT ${object(
    [
      ['id', token('n.id')],
      ['agencyId', token('n.agency_id')],
      ['name', q('n.name')],
      ['aliases', 'n.aliases'],
      ['status', token('n.status')],
      ['submissionNo', 'n.submission_no'],
      ['reason', q('n.reason')],
      ['revision', 'n.revision'],
      ['proposedBy', token('n.proposed_by')],
      ['proposedAt', token('n.proposed_at')],
      ['decidedBy', token('n.decided_by')],
      ['decidedAt', token('n.decided_at')],
    ],
    put('serviceName'),
    '}',
  )} FROM service_names n WHERE n.id = c.entity_id AND ${nameVisible.sql})`;

  const agency = `(SELECT ${object(
    [
      ['id', token('a.id')],
      ['code', q('a.code')],
      ['group', token('a.group_name')],
      ['nameAz', q('a.name_az')],
      ['nameEn', q('a.name_en')],
      ['isActive', `CASE WHEN a.is_active THEN 'true' ELSE 'false' END`],
    ],
    put('agency'),
    '}',
  )} FROM agencies a WHERE a.id = c.entity_id)`;
  const category = `(SELECT ${object(
    [
      ['code', token('k.code')],
      ['nameAz', q('k.name_az')],
      ['nameEn', q('k.name_en')],
      ['nameRu', q('k.name_ru')],
      ['sortOrder', 'k.sort_order'],
    ],
    put('category'),
    '}',
  )} FROM categories k WHERE k.code = c.entity_id)`;

  // A methodology's and a campaign's body is a JSON object of the fields
  // their columns do not hold (evaluation/rows.ts): spliced without its
  // opening brace, it closes the object the columns start.
  const withBody = (fields: Array<[string, string]>, body: string, entity: string) =>
    cat([...fieldPieces(fields, put(entity)), `','`, `substr(${body}, 2)`, `'}'`]);
  const methodology = `(SELECT ${withBody(
    [
      ['id', token('m.id')],
      ['year', 'm.year'],
      ['version', 'm.version'],
      ['createdAt', token('m.created_at')],
      ['frozenAt', token('m.frozen_at')],
    ],
    'm.body',
    'methodology',
  )} FROM methodologies m WHERE m.id = c.entity_id)`;
  const campaign = `(SELECT ${withBody(
    [
      ['id', token('g.id')],
      ['year', 'g.year'],
      ['methodologyId', token('g.methodology_id')],
      ['status', token('g.status')],
      ['revision', 'g.revision'],
      ['createdAt', token('g.created_at')],
    ],
    'g.body',
    'campaign',
  )} FROM campaigns g WHERE g.id = c.entity_id)`;
  // A withdrawn answer (no doc) is a removal; agency staff never get one.
  const answer = canSeeAnswers(user)
    ? `(SELECT ${cat([`'${put('answer')}'`, 'e.doc', `'}'`])} FROM evaluation_answers e WHERE e.id = c.entity_id AND e.doc IS NOT NULL)`
    : 'NULL';
  const publishedResult = `(SELECT ${cat([`'${put('publishedResult')}'`, 'r.doc', `'}'`])} FROM published_results r WHERE r.id = c.entity_id)`;

  const candidateVisible = visibleCandidateSql(user);
  const duplicateCandidate = `(SELECT ${cat([`'${put('duplicateCandidate')}'`, 'd.doc', `'}'`])} FROM duplicate_candidates d WHERE d.id = c.entity_id AND ${candidateVisible.sql})`;

  const remove = `concat('{"entity":', ${q('c.entity_type')}, ',"op":"remove","id":', ${q('c.entity_id')}, '}')`;
  const change =
    `COALESCE(CASE c.entity_type ` +
    `WHEN 'service' THEN ${service} ` +
    `WHEN 'serviceName' THEN ${serviceName} ` +
    `WHEN 'agency' THEN ${agency} ` +
    `WHEN 'category' THEN ${category} ` +
    `WHEN 'methodology' THEN ${methodology} ` +
    `WHEN 'campaign' THEN ${campaign} ` +
    `WHEN 'answer' THEN ${answer} ` +
    `WHEN 'publishedResult' THEN ${publishedResult} ` +
    `WHEN 'duplicateCandidate' THEN ${duplicateCandidate} END, ${remove})`;
  // From SQLite as bytes: the page goes to the socket as the database's
  // UTF-8, never decoded into a JavaScript string and encoded back, which for
  // pages of Azerbaijani text was a full second of a large pull. The pg
  // driver reads bytea as hex text, which costs more than it saves.
  const page = agg(change, 'c.position');
  // Placeholders in the order they appear.
  return db.raw(pg ? page : `CAST(${page} AS BLOB)`, [
    ...versionVisible.bindings,
    ...nameVisible.bindings,
    ...candidateVisible.bindings,
  ]);
}
