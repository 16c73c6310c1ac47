// Builds the renderer when dist/renderer is missing, so `npm run test:e2e`
// works on a fresh clone; an existing build is reused (run `npm run build`
// to refresh it).
import fs from 'node:fs';
import path from 'node:path';
import { buildRenderer, repoRoot } from './bundles.mjs';

if (!fs.existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
  console.log('dist/renderer is missing; building the renderer…');
  try {
    await buildRenderer();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
