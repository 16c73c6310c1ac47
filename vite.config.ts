import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer runs under a strict Content-Security-Policy (no inline
// scripts or styles, nothing fetched from elsewhere), so the build must emit
// only same-origin files: no inlined assets, no module-preload polyfill.
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'chrome130',
    // One bundle read from disk by a desktop app; its size costs no download.
    chunkSizeWarningLimit: 1500,
  },
});
