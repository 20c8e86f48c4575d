/**
 * The folder service on a real folder built from the published samples:
 * what it reads, lists as unreadable and passes over, in file order, with
 * progress, in parallel lanes of real import workers, and stopped midway.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH, commonFolder, listCandidates, listDropped, readCountyFolder, readCountySet, unitFileName, type FolderProgress, type ReadUnit } from '../../../electron/services/countyFolder.ts';
import { WORKSPACE_FILE_NAME } from '../../../shared/county/index.ts';
import { createWorkerFormats } from '../../../electron/services/workerFormats.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { buildCountyFolder, type CountyFolder } from '../../fixtures/countyFolder.ts';

const root = mkdtempSync(join(tmpdir(), 'nianbao-county-service-'));
const dir = join(root, '各单位年报');
let folder: CountyFolder;
beforeAll(async () => {
  folder = await buildCountyFolder(dir, root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every report file the fixture wrote, counted or excluded from the 汇总. */
const reportFiles = () => [...Object.keys(folder.counted), ...Object.keys(folder.excluded)].sort();

describe('readCountyFolder', () => {
  it('reads every report in file order, lists the unreadable file with its reason and passes over our own files', async () => {
    const read: ReadUnit[] = [];
    const progress: FolderProgress[] = [];
    const result = await readCountyFolder(dir, (r) => read.push(r), { readers: [readReportBytes], onProgress: (p) => progress.push(p) });
    const files = read.map((r) => r.unit.file);
    expect(files).toEqual([...files].sort());
    expect(files.sort()).toEqual(reportFiles());
    expect(result.unreadable).toHaveLength(1);
    expect(result.unreadable[0]!.file).toBe(folder.unreadable);
    // One line for the clerk, never an empty reason.
    expect(result.unreadable[0]!.message).toMatch(/^[^\n]{4,}$/u);
    expect(result.cancelled).toBe(false);
    expect(result.limits).toEqual([]);
    // Progress starts at 0, ends with every file settled, and never goes back.
    const total = reportFiles().length + 1;
    expect(progress[0]).toEqual({ done: 0, total });
    expect(progress.at(-1)).toEqual({ done: total, total });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('digests each unit as the checks see it: its organ, year, findings and report', async () => {
    const read = new Map<string, ReadUnit>();
    await readCountyFolder(dir, (r) => read.set(r.unit.file, r), { readers: [readReportBytes] });
    for (const [file, report] of Object.entries(folder.counted)) {
      const unit = read.get(file)!;
      expect(unit.unit.organ).toBe(report.organ);
      expect(unit.unit.year).toBe(2024);
      expect(unit.unit.errors).toBe(unit.findings.filter((f) => f.severity === 'error').length);
      expect(unit.report.organ).toBe(report.organ);
    }
    // The duplicate with a wrong typed total has one more error than its original.
    const copy = read.get('副本/淮安市洪泽区人民政府.nianbao')!.unit;
    const original = read.get('乡镇/洪泽区2024.txt')!.unit;
    expect(copy.errors).toBeGreaterThan(original.errors);
  });

  it('reads through two import workers in turn with the same result as one thread', async () => {
    const workers = [createWorkerFormats(), createWorkerFormats()];
    try {
      const inWorkers: ReadUnit[] = [];
      const inThread: ReadUnit[] = [];
      await readCountyFolder(dir, (r) => inWorkers.push(r), { readers: workers.map((w) => w.importers.read) });
      await readCountyFolder(dir, (r) => inThread.push(r), { readers: [readReportBytes] });
      expect(inWorkers.map((r) => r.unit)).toEqual(inThread.map((r) => r.unit));
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 60_000);

  it('stops when cancelled, keeping what was read and saying it was cancelled', async () => {
    const controller = new AbortController();
    const read: ReadUnit[] = [];
    const result = await readCountyFolder(
      dir,
      (r) => {
        read.push(r);
        if (read.length === 2) controller.abort();
      },
      { readers: [readReportBytes], concurrency: 1, signal: controller.signal },
    );
    expect(result.cancelled).toBe(true);
    expect(read).toHaveLength(2);
  });

  it('leaves out the roster named as no report', async () => {
    const roster = join(dir, '名单.txt');
    writeFileSync(roster, '洪泽区\n');
    try {
      const read: ReadUnit[] = [];
      const result = await readCountyFolder(dir, (r) => read.push(r), { readers: [readReportBytes], besides: [roster] });
      expect(read.map((r) => r.unit.file)).not.toContain('名单.txt');
      expect(result.unreadable.map((u) => u.file)).not.toContain('名单.txt');
    } finally {
      rmSync(roster);
    }
  });
});

describe('listCandidates', () => {
  it('stops at the depth cap and says how many folders it left out', async () => {
    const deep = mkdtempSync(join(root, 'deep-'));
    let path = deep;
    for (let i = 0; i <= MAX_DEPTH + 1; i++) path = join(path, `层${i}`);
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, '深处.txt'), '报告');
    writeFileSync(join(deep, '浅处.txt'), '报告');
    const { files, limits } = await listCandidates(deep);
    expect(files.map((f) => f.slice(deep.length + 1))).toEqual(['浅处.txt']);
    expect(limits).toHaveLength(1);
    expect(limits[0]).toContain(`${MAX_DEPTH} 层`);
  });
});

describe('reading what was dropped', () => {
  it.each<[string[], string | null]>([
    [['/县/各单位/乡镇', '/县/各单位'], '/县/各单位'],
    [['/县/各单位/a', '/县/各单位/b'], '/县/各单位'],
    [['/县/甲', '/乡/乙'], '/'],
    [['/县/各单位'], '/县/各单位'],
  ])('the common folder of %j is %j', (paths, expected) => {
    expect(commonFolder(paths)).toBe(expected);
  });

  it('reads loose files as one set named relative to their common folder, passing over our own files', async () => {
    const picked = ['乡镇/洪泽区2024.txt', '淮安市2024.docx', '损坏.docx'];
    const set = await listDropped([...picked, WORKSPACE_FILE_NAME].map((file) => ({ path: join(dir, ...file.split('/')), folder: false })));
    expect(set?.base).toBe(dir);
    const read: ReadUnit[] = [];
    const result = await readCountySet(set!, (r) => read.push(r), { readers: [readReportBytes] });
    expect(read.map((r) => r.unit.file)).toEqual(['乡镇/洪泽区2024.txt', '淮安市2024.docx']);
    expect(read[0]!.unit.organ).toBe(folder.counted['乡镇/洪泽区2024.txt']!.organ);
    expect(result.unreadable.map((u) => u.file)).toEqual(['损坏.docx']);
    expect(result.cancelled).toBe(false);
  });

  it('reads one dropped folder as that folder, and a folder with a file beside it from their common folder', async () => {
    const alone = await listDropped([{ path: dir, folder: true }]);
    expect(alone).toEqual({ base: dir, ...(await listCandidates(dir)) });
    const mixed = await listDropped([
      { path: join(dir, '2023'), folder: true },
      { path: join(dir, '平潭.nianbao'), folder: false },
    ]);
    expect(mixed?.base).toBe(dir);
    expect(mixed?.files.map((f) => unitFileName(dir, f))).toEqual(['2023/沭阳县发展和改革局2023.txt', '2023/洪泽区2023.txt', '平潭.nianbao'].sort());
  });
});
