import { describe, expect, it } from 'vitest';
import { checkElectronSettings, describeFinding } from './support/electronegativity';

describe('electronegativity over the Electron settings', () => {
  it('finds nothing above LOW in main’s code or the renderer’s HTML and CSP, and parses every file', async () => {
    const result = await checkElectronSettings();
    expect(result.checks).toBeGreaterThan(30);
    expect(result.unparsed).toEqual([]);
    expect(result.failing.map(describeFinding)).toEqual([]);
  }, 120_000);
});
