/**
 * What pdf.js needs from the disk, for the PDF reader in shared/ (which reads
 * no files): the packed CMaps of pdfjs-dist. The built bundles carry a copy
 * beside them (pdfjs-cmaps/, copied by the build); run from sources, they
 * are read from node_modules.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfResources } from '../../shared/import/pdf.ts';

/** The folder name of the copy beside a bundle. */
export const CMAPS_FOLDER = 'pdfjs-cmaps';

/** A CMap name as pdf.js asks for it: letters, digits and dashes, never a path. */
const CMAP_NAME = /^[A-Za-z0-9-]+$/;

function cMapFolders(): string[] {
  const beside = join(dirname(fileURLToPath(import.meta.url)), CMAPS_FOLDER);
  try {
    const require = createRequire(import.meta.url);
    return [beside, join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')];
  } catch {
    return [beside];
  }
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
