import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDateTime,
  formatQepik,
  parseManatToQepik,
  qepikToManatText,
} from './format';

describe('Azerbaijani formatting', () => {
  it('groups thousands with a dot as Azerbaijani does', () => {
    expect(formatCount(1186, 'az')).toBe('1.186');
    expect(formatCount(156, 'az')).toBe('156');
    expect(formatCount(1_234_567, 'az')).toBe('1.234.567');
    expect(formatCount(1186, 'en')).toBe('1,186');
  });

  it('shows qəpik as manat with a decimal comma and the sign kept on the same line', () => {
    expect(formatQepik(1250, 'az')).toBe('12,50\u00a0₼');
    expect(formatQepik(123_450, 'az')).toBe('1.234,50\u00a0₼');
    expect(formatQepik(5, 'az')).toBe('0,05\u00a0₼');
  });

  it('writes the date with the Azerbaijani month name and a 24-hour time', () => {
    const moment = new Date(2024, 2, 5, 9, 7);
    expect(formatDateTime(moment.toISOString(), 'az')).toBe('5 mart 2024, 09:07');
    expect(formatDateTime(new Date(2016, 0, 17, 18, 30).toISOString(), 'az')).toBe(
      '17 yanvar 2016, 18:30',
    );
  });

  it('shows nothing for a missing or malformed moment', () => {
    expect(formatDateTime(null, 'az')).toBe('');
    expect(formatDateTime('not a date', 'az')).toBe('');
  });

  it('reads manat amounts typed with a comma, a dot, spaces or the sign', () => {
    expect(parseManatToQepik('12,50')).toBe(1250);
    expect(parseManatToQepik('12.5')).toBe(1250);
    expect(parseManatToQepik('1 200 ₼')).toBe(120_000);
    expect(parseManatToQepik('7')).toBe(700);
    expect(parseManatToQepik('  ')).toBeNull();
  });

  it('refuses text that is not an amount instead of guessing', () => {
    expect(parseManatToQepik('12,505')).toBeNaN();
    expect(parseManatToQepik('on iki')).toBeNaN();
    expect(parseManatToQepik('-3')).toBeNaN();
  });

  it('writes qəpik back as editable manat in the language’s decimal style', () => {
    expect(qepikToManatText(1250, 'az')).toBe('12,50');
    expect(qepikToManatText(5, 'en')).toBe('0.05');
    expect(qepikToManatText(null, 'az')).toBe('');
  });
});
