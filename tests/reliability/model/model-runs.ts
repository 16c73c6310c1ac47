/**
 * Runs per model-based property: a fixed count in the normal test run,
 * DXER_MODEL_RUNS for a longer hunt (npm run test:models:long).
 */
export function modelRuns(normal: number): number {
  const fromEnv = Number(process.env.DXER_MODEL_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : normal;
}

const isLongHunt = Number(process.env.DXER_MODEL_RUNS) > 0;

/**
 * fast-check's seed: fixed in the normal run, so `npm test` tries the same
 * sequences every time and a failure there is a change's doing; new ones
 * on a longer hunt. DXER_MODEL_SEED replays the seed a failure printed.
 */
export function modelSeed(): number | undefined {
  const fromEnv = Number(process.env.DXER_MODEL_SEED);
  if (Number.isInteger(fromEnv)) return fromEnv;
  return isLongHunt ? undefined : 20261204;
}

/** The fast-check parameters of one property: its runs and the seed. */
export function modelParams(normal: number): { numRuns: number; seed?: number } {
  const seed = modelSeed();
  return seed === undefined
    ? { numRuns: modelRuns(normal) }
    : { numRuns: modelRuns(normal), seed };
}
