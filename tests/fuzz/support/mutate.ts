import fc from 'fast-check';
import { hostileString, hostileValue } from './hostile';

type Path = ReadonlyArray<string | number>;

/** Every path into a JSON value, the root included, down to `maxDepth`. */
export function pathsOf(value: unknown, maxDepth = 6): Path[] {
  const paths: Path[] = [[]];
  const walk = (node: unknown, path: Path) => {
    if (path.length >= maxDepth || node === null || typeof node !== 'object') return;
    const entries: Array<[string | number, unknown]> = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    for (const [key, child] of entries) {
      const next = [...path, key];
      paths.push(next);
      walk(child, next);
    }
  };
  walk(value, []);
  return paths;
}

type Edit =
  | { kind: 'delete' }
  | { kind: 'replace'; value: unknown }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'wrap' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 5,
    arbitrary: hostileValue.map((value) => ({ kind: 'replace' as const, value })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.oneof(hostileString, fc.constantFrom('isAdmin', 'role', 'agencyId', 'id')),
        hostileValue,
      )
      .map(([key, value]) => ({ kind: 'extra' as const, key, value })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrap' as const }) },
);

function applyEdit(root: unknown, path: Path, change: Edit): unknown {
  if (path.length === 0) {
    if (change.kind === 'replace') return change.value;
    if (change.kind === 'wrap') return [root];
    if (change.kind === 'delete') return undefined;
    if (root !== null && typeof root === 'object' && !Array.isArray(root)) {
      return { ...root, [change.key]: change.value };
    }
    return root;
  }
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1] as string | number;
  let parent: unknown = root;
  for (const step of parentPath)
    parent = (parent as Record<string | number, unknown>)[step];
  const holder = parent as Record<string | number, unknown>;
  switch (change.kind) {
    case 'delete':
      if (Array.isArray(holder) && typeof key === 'number') holder.splice(key, 1);
      else delete holder[key];
      break;
    case 'replace':
      holder[key] = change.value;
      break;
    case 'wrap':
      holder[key] = [holder[key]];
      break;
    case 'extra': {
      const target = holder[key];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        (target as Record<string, unknown>)[change.key] = change.value;
      } else {
        holder[key] = change.value;
      }
    }
  }
  return root;
}

/**
 * A valid value with one to three of its parts deleted, replaced by a
 * hostile value, wrapped in an array or joined by an unexpected key: the
 * inputs that get past a first glance and test every check behind it.
 */
export function mutated(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  return fc
    .array(fc.tuple(fc.nat({ max: paths.length - 1 }), edit), {
      minLength: 1,
      maxLength: 3,
    })
    .map((edits) => {
      let value: unknown = structuredClone(base);
      for (const [index, change] of edits) {
        const current = pathsOf(value);
        const path = current[index % current.length] ?? [];
        value = applyEdit(value, path, change);
      }
      return value;
    });
}
