// `npm run build`: everything a release needs in dist/ (the installers are
// made from it by electron-builder).
import { buildRenderer, bundleElectron, bundleNodeEntries } from './bundles.mjs';

try {
  await buildRenderer();
  await bundleElectron();
  await bundleNodeEntries();
  console.log('Built dist/renderer, dist/main, dist/host and dist/server.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
