import { describe, expect, it } from 'vitest';
import { pairItems, type PairingRule } from './pair-items';

type Item = { id: string; name: string };

const rules: PairingRule<Item>[] = [
  ['id', (item) => item.id],
  ['naturalKey', (item) => (item.name === '' ? null : item.name.toLowerCase())],
];

const items = (spec: string): Item[] =>
  spec.split(' ').map((token) => {
    const [id = '', name = id] = token.split(':');
    return { id, name };
  });

function summary(before: Item[], after: Item[]) {
  return pairItems(before, after, rules).map((pair) => ({
    before: pair.before?.id ?? null,
    after: pair.after?.id ?? null,
    matchedBy: pair.matchedBy,
    isMoved: pair.isMoved,
  }));
}

describe('pairItems', () => {
  it('pairs by id before trying the natural key', () => {
    // "b" keeps its id although another item now has its name.
    const result = summary(items('a b:x'), items('b:y c:x'));

    expect(result).toEqual([
      { before: 'a', after: null, matchedBy: null, isMoved: false },
      { before: 'b', after: 'b', matchedBy: 'id', isMoved: false },
      { before: null, after: 'c', matchedBy: null, isMoved: false },
    ]);
  });

  it('pairs by the natural key only what the ids left unpaired', () => {
    const result = summary(items('a:Pasport'), items('z:PASPORT'));

    expect(result).toEqual([
      { before: 'a', after: 'z', matchedBy: 'naturalKey', isMoved: false },
    ]);
  });

  it('leaves items without a natural key unpaired', () => {
    const result = summary([{ id: 'a', name: '' }], [{ id: 'b', name: '' }]);

    expect(result.map((pair) => pair.matchedBy)).toEqual([null, null]);
  });

  it('pairs equal natural keys in list order', () => {
    const result = summary(items('a:x b:x'), items('c:x d:x'));

    expect(result.map((pair) => [pair.before, pair.after])).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  it('marks one of two swapped items as moved, not both', () => {
    const result = summary(items('a b'), items('b a'));

    expect(result.filter((pair) => pair.isMoved)).toHaveLength(1);
  });

  it('marks the item taken from the front to the back as the one moved', () => {
    const result = summary(items('a b c d'), items('b c d a'));

    expect(result.filter((pair) => pair.isMoved).map((pair) => pair.after)).toEqual([
      'a',
    ]);
  });

  it('moves nothing when items are only added and removed around the kept ones', () => {
    const result = summary(items('a b c'), items('x a c y'));

    expect(result.some((pair) => pair.isMoved)).toBe(false);
  });

  it('puts an item removed from the front first', () => {
    const result = summary(items('a b'), items('b'));

    expect(result.map((pair) => pair.before)).toEqual(['a', 'b']);
  });
});
