/**
 * Runs per model-based property: a fixed count in the normal test run,
 * DXER_MODEL_RUNS for a longer hunt (the long fault script passes it on).
 */
export function modelRuns(normal: number): number {
  const fromEnv = Number(process.env.DXER_MODEL_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : normal;
}
