import { describe, expect, it } from 'vitest';
import { emptyServiceRecord } from '../../shared/domain/service-record';
import { takeFieldsChangedInMain } from './draft-merge';

describe('taking main’s changes into the record on screen', () => {
  const base = {
    ...emptyServiceRecord(),
    description: 'Əvvəl',
    complaintProcedure: 'Əvvəl',
  };

  it('takes a field main changed and keeps one it did not', () => {
    const onScreen = { ...base, kind: 'permit' as const };
    const next = { ...base, complaintProcedure: 'Serverdən' };
    const merged = takeFieldsChangedInMain(onScreen, base, next, new Set());
    expect(merged.complaintProcedure).toBe('Serverdən');
    expect(merged.kind).toBe('permit');
  });

  it('never replaces a field the user is editing', () => {
    const onScreen = { ...base, description: 'Yazılır' };
    const next = { ...base, description: 'Serverdən' };
    const merged = takeFieldsChangedInMain(
      onScreen,
      base,
      next,
      new Set(['description']),
    );
    expect(merged.description).toBe('Yazılır');
  });

  it('compares structured fields by value, not by identity', () => {
    const onScreen = { ...base, audiences: ['G2B' as const] };
    const next = { ...base, audiences: [] };
    const merged = takeFieldsChangedInMain(
      onScreen,
      { ...base, audiences: [] },
      next,
      new Set(),
    );
    expect(merged.audiences).toEqual(['G2B']);
  });
});
