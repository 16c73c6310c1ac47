import type { Knex } from 'knex';
import type { ServiceRecord } from '../../shared/domain/service-record';
import type { DuplicateSubject } from '../../shared/duplicates/service-fingerprint';
import { toNumber } from '../db/rows';

/**
 * What the duplicate scan compares: per service, the version a reviewer
 * has in front of them (the submitted one) or else the published one.
 * Drafts never count: an agency's unsent work is its own.
 */

const PAGE = 1000;

interface SubjectRow {
  id: string;
  agency_id: string;
  name: string;
  status: string;
  number: unknown;
  submission_no: unknown;
  record: string;
}

/**
 * A subject with what identifies its compared content: the version and
 * its submission (a record changes only while returned or a draft, so each
 * submission of a version holds one record), its status, and the service's
 * name and agency, which can change. A few dozen bytes, so every
 * service's can be kept to tell a changed subject from one seen already.
 */
export interface LoadedSubject extends DuplicateSubject {
  contentKey: string;
}

function subjectsOf(rows: readonly SubjectRow[]): LoadedSubject[] {
  const chosen = new Map<string, SubjectRow>();
  for (const row of rows) {
    const held = chosen.get(row.id);
    const isBetter =
      !held ||
      (row.status === 'submitted' && held.status !== 'submitted') ||
      (row.status === held.status && toNumber(row.number) > toNumber(held.number));
    if (isBetter) chosen.set(row.id, row);
  }
  return [...chosen.values()].map((row) => ({
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    record: JSON.parse(row.record) as ServiceRecord,
    contentKey: [
      row.status,
      toNumber(row.number),
      toNumber(row.submission_no),
      row.agency_id,
      row.name,
    ].join(':'),
  }));
}

function subjectRows(db: Knex) {
  return db('services as s')
    .join('service_names as n', 'n.id', 's.service_name_id')
    .join('service_versions as v', 'v.service_id', 's.id')
    .whereIn('v.status', ['submitted', 'approved'])
    .select<SubjectRow[]>(
      's.id',
      's.agency_id',
      'n.name',
      'v.status',
      'v.number',
      'v.submission_no',
      'v.record',
    );
}

/** Every service's subject, read a page of services at a time (keyset on id). */
export async function loadSubjects(db: Knex): Promise<LoadedSubject[]> {
  const subjects: LoadedSubject[] = [];
  let after = '';
  for (;;) {
    const ids = (await db('services')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .pluck('id')) as string[];
    if (ids.length === 0) return subjects;
    subjects.push(...subjectsOf(await subjectRows(db).whereIn('s.id', ids)));
    after = ids.at(-1) ?? after;
  }
}

/** The subjects of the given services; those without a submitted or published version are left out. */
export async function loadSubjectsOf(
  db: Knex,
  serviceIds: readonly string[],
): Promise<LoadedSubject[]> {
  const subjects: LoadedSubject[] = [];
  for (let start = 0; start < serviceIds.length; start += PAGE) {
    const ids = serviceIds.slice(start, start + PAGE);
    subjects.push(...subjectsOf(await subjectRows(db).whereIn('s.id', ids)));
  }
  return subjects;
}
