// One bundle for every window; the shell picks the screen by hash (index.html#/dashboard ...).
// Relative base so the built files load from file:// inside Electron.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // One small bundle: every window loads the same file, no lazy chunks to fetch over file://.
    modulePreload: false,
  },
});
