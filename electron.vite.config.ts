import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { buildCli } from './electron/cli/buildCli.ts';
import { copyPdfCMaps } from './electron/services/pdfResources.ts';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    // The `nianbao` command for Node (package.json bin): one plain file, out/cli/nianbao.mjs.
    plugins: [
      { name: 'nianbao-cli', apply: 'build', closeBundle: () => buildCli(root) },
      // The PDF reader's CMaps, read from beside the bundle (electron/services/pdfResources.ts).
      { name: 'nianbao-pdf-cmaps', apply: 'build', closeBundle: () => copyPdfCMaps(resolve(root, 'out/main')) },
    ],
    build: {
      outDir: 'out/main',
      // The packaged app ships only out/ and package.json, so main bundles its dependencies.
      externalizeDeps: false,
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // Imports and exports run in this worker thread (electron/services/workerFormats.ts).
          formatsWorker: resolve(root, 'electron/services/formatsWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Assets are referenced relatively so the same build serves from app:// and from the web host.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves bundles unminified; the renderer is also served to browsers.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
