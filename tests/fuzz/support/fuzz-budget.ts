/**
 * How many inputs a fuzz suite tries: a short run in the normal test run,
 * the long one under `npm run test:fuzz:long` (DXER_FUZZ=long). A fixed
 * seed by default so a failure replays; DXER_FUZZ_SEED picks another.
 */
export const isLongFuzz = process.env.DXER_FUZZ === 'long';

export function fuzzInputs(short: number, long: number): number {
  return isLongFuzz ? long : short;
}

export const fuzzSeed = Number(process.env.DXER_FUZZ_SEED ?? 20261204);

/** A test's time limit for `inputs` at an assumed cost per input, with room. */
export function fuzzTimeoutMs(inputs: number, msPerInput: number): number {
  return 60_000 + inputs * msPerInput * 3;
}
