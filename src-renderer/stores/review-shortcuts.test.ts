import { describe, expect, it } from 'vitest';
import { reviewShortcut } from './review-shortcuts';
import type { ShortcutKey } from './review-shortcuts';

const press = (key: string, extra: Partial<ShortcutKey> = {}): ShortcutKey => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  isTyping: false,
  ...extra,
});

describe('the review desk keyboard', () => {
  it.each([
    ['j', 'next'],
    ['ArrowDown', 'next'],
    ['k', 'previous'],
    ['ArrowUp', 'previous'],
    ['m', 'remark'],
    ['M', 'remark'],
  ] as const)('maps %s to %s', (key, action) => {
    expect(reviewShortcut(press(key))).toBe(action);
  });

  it('approves and returns only with Shift, so a stray key decides nothing', () => {
    expect(reviewShortcut(press('a'))).toBeNull();
    expect(reviewShortcut(press('r'))).toBeNull();
    expect(reviewShortcut(press('A', { shiftKey: true }))).toBe('approve');
    expect(reviewShortcut(press('R', { shiftKey: true }))).toBe('return');
  });

  it('leaves keys alone while the reviewer types a remark or holds a modifier', () => {
    expect(reviewShortcut(press('j', { isTyping: true }))).toBeNull();
    expect(reviewShortcut(press('A', { shiftKey: true, isTyping: true }))).toBeNull();
    expect(reviewShortcut(press('j', { ctrlKey: true }))).toBeNull();
    expect(reviewShortcut(press('k', { metaKey: true }))).toBeNull();
  });
});
