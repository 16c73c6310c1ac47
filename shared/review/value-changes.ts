/**
 * Where two plain values differ, as dotted paths, for the record diff.
 * Text is compared without spacing differences, and lists of codes
 * (payment methods, document ids) as sets, since their order means nothing.
 */

/** A list of codes or texts inside a value that changed, compared as a set. */
export type ListChange = { path: string; added: string[]; removed: string[] };

/** The paths that changed and, among them, the lists with what they gained and lost. */
export type Changes = { paths: string[]; lists: ListChange[] };

/** No change. */
export function emptyChanges(): Changes {
  return { paths: [], lists: [] };
}

/** Text as it reads: NFC, runs of blanks as one space, no blanks at the ends. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The dotted paths under `path` at which two plain values differ; `skipKeys` at the top. */
export function compareValues(
  before: unknown,
  after: unknown,
  path: string,
  skipKeys: readonly string[] = [],
): Changes {
  const changes = emptyChanges();
  collectChanges(before, after, path, skipKeys, changes);
  return changes;
}

function collectChanges(
  before: unknown,
  after: unknown,
  path: string,
  skipKeys: readonly string[],
  changes: Changes,
): void {
  if (typeof before === 'string' && typeof after === 'string') {
    if (normalizeText(before) !== normalizeText(after)) changes.paths.push(path);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const a = new Set(before.map(String));
    const b = new Set(after.map(String));
    const added = [...b].filter((value) => !a.has(value));
    const removed = [...a].filter((value) => !b.has(value));
    if (added.length > 0 || removed.length > 0) {
      changes.paths.push(path);
      changes.lists.push({ path, added, removed });
    }
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(after), ...Object.keys(before)]);
    for (const key of keys) {
      if (skipKeys.includes(key)) continue;
      const childPath = path === '' ? key : `${path}.${key}`;
      collectChanges(before[key], after[key], childPath, [], changes);
    }
    return;
  }
  if (!Object.is(before ?? null, after ?? null)) changes.paths.push(path);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
