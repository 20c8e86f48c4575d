/** The editor's JavaScript as shipped: gzip size of out/renderer/assets/*.js. Needs `npm run build`. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assertBuilt, RENDERER_DIR } from '../e2e/harness.ts';
import type { Benchmark } from './types.ts';

const BUDGET_KB = 250;

export const benchmarks: Benchmark[] = [
  {
    name: '编辑器 · JS 包大小（gzip）',
    budget: `< ${BUDGET_KB} KB`,
    async measure() {
      assertBuilt();
      const folder = join(RENDERER_DIR, 'assets');
      const scripts = (await readdir(folder)).filter((f) => f.endsWith('.js'));
      let raw = 0;
      let gzipped = 0;
      for (const name of scripts) {
        const bytes = await readFile(join(folder, name));
        raw += bytes.length;
        gzipped += gzipSync(bytes, { level: 9 }).length;
      }
      const kb = gzipped / 1024;
      return { value: kb, unit: 'KB', pass: kb < BUDGET_KB, detail: `${(raw / 1024).toFixed(0)} KB before gzip, ${scripts.length} file(s)` };
    },
  },
];
