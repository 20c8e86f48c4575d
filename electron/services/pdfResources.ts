/**
 * What pdf.js needs from the disk, for the PDF reader in shared/ (which reads
 * no files): the packed CMaps of pdfjs-dist, the character maps of Chinese
 * fonts that a PDF names without embedding them. The builds copy them beside
 * their bundles (copyPdfCMaps); run from sources, they come from node_modules.
 */
import { cp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfResources } from '../../shared/import/pdf.ts';

/** The folder of the copy beside a bundle. */
export const CMAPS_FOLDER = 'pdfjs-cmaps';

/** A CMap name as pdf.js asks for it: letters, digits and dashes, never a path. */
const CMAP_NAME = /^[A-Za-z0-9-]+$/;

function packageCMaps(): string {
  return join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
}

/** Copies pdfjs-dist's CMaps into `outdir`/pdfjs-cmaps, for a bundle written there. */
export async function copyPdfCMaps(outdir: string): Promise<void> {
  await cp(packageCMaps(), join(outdir, CMAPS_FOLDER), { recursive: true });
}

/**
 * Where the CMaps may be: beside this module's bundle or the folder above
 * (bundlers put shared code in a chunks folder), outside the app's asar
 * archive (unpacked, so a worker thread reads them as plain files), and the
 * package itself when run from sources.
 */
function cMapFolders(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const folders = [here, dirname(here)].flatMap((dir) => {
    const copy = join(dir, CMAPS_FOLDER);
    return copy.includes('app.asar') ? [copy.replace('app.asar', 'app.asar.unpacked'), copy] : [copy];
  });
  try {
    folders.push(packageCMaps());
  } catch {
    // A bundle without node_modules: only its own copy.
  }
  return folders;
}

export const NODE_PDF_RESOURCES: PdfResources = {
  async readCMap(name) {
    if (!CMAP_NAME.test(name)) throw new Error(`not a CMap name: ${name}`);
    let lastError: unknown;
    for (const folder of cMapFolders()) {
      try {
        return new Uint8Array(await readFile(join(folder, `${name}.bcmap`)));
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  },
};
