/**
 * Bundles the command line into plain JavaScript for Node, so that `nianbao`
 * starts without compiling TypeScript. Run by the main build
 * (electron.vite.config.ts) and by the CLI tests, which spawn what it writes.
 */
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { copyPdfCMaps } from '../services/pdfResources.ts';

/** Where `npm run build` writes it, relative to the project root; package.json's bin points here. */
export const CLI_OUTFILE = 'out/cli/nianbao.mjs';

export async function buildCli(root: string, outfile: string = join(root, CLI_OUTFILE)): Promise<void> {
  const outdir = dirname(outfile);
  await build({
    entryPoints: { [basename(outfile, '.mjs')]: join(root, 'electron', 'cli', 'bin.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    // pdf.js (about 3 MB) goes into a file of its own beside the command, loaded only when a PDF is read.
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundled CommonJS dependencies call require() for Node built-ins, which an ES module lacks.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __nianbaoRequire } from 'node:module';\nconst require = __nianbaoRequire(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'none',
  });
  await copyPdfCMaps(outdir);
  // Runnable as ./out/cli/nianbao.mjs too, not only through npm's bin link.
  await chmod(outfile, 0o755);
}
