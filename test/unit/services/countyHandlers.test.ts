/**
 * The 汇总与审核 file side over a real folder: only a chosen folder is read,
 * only a unit the read listed is opened, and the 汇总 it returns adds up
 * the counted units' own values.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCountyHandlers, type CountyHandlers } from '../../../electron/services/countyHandlers.ts';
import type { DialogPort } from '../../../electron/services/dialogs.ts';
import { PathGrants } from '../../../electron/services/grants.ts';
import { WORKSPACE_FILE_NAME, parseWorkspace } from '../../../shared/county/index.ts';
import { readReportBytes } from '../../../shared/import/read.ts';
import { evaluateReport } from '../../../shared/model/values.ts';
import { buildCountyFolder, type CountyFolder } from '../../fixtures/countyFolder.ts';

const root = mkdtempSync(join(tmpdir(), 'nianbao-county-handlers-'));
const dir = join(root, '各单位年报');
let folder: CountyFolder;
let county: CountyHandlers;
let folderAnswer: string | null = null;
const grants = new PathGrants();
let rosterAnswer: string | null = null;

let saveAnswer: string | null = null;
const dialogs: DialogPort = {
  chooseOpen: async () => rosterAnswer,
  chooseSave: async () => saveAnswer,
  askUnsavedChanges: async () => 'cancel',
  askSaveConflict: async () => 'cancel',
};

beforeAll(async () => {
  folder = await buildCountyFolder(dir, root);
  county = createCountyHandlers({ dialogs, folderDialog: { chooseFolder: async () => folderAnswer ?? dir }, grants, readers: [readReportBytes] });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('county handlers', () => {
  it('refuses a folder the clerk did not choose', async () => {
    const result = await county.countyRead(root);
    expect(result.ok).toBe(false);
  });

  it('reads the chosen folder: a row per report, the unreadable file with its reason', async () => {
    const chosen = await county.countyChooseFolder();
    expect(chosen).toEqual({ ok: true, value: { path: dir, name: '各单位年报' } });
    const read = await county.countyRead(dir);
    if (!read.ok) throw new Error(read.message);
    expect(read.value.rows.map((r) => r.file).sort()).toEqual([...Object.keys(folder.counted), ...Object.keys(folder.excluded)].sort());
    expect(read.value.unreadable.map((u) => u.file)).toEqual([folder.unreadable]);
    expect(read.value.cancelled).toBe(false);
    // The workspace file the fixture left in the folder comes back with the rows.
    expect(Object.keys(read.value.verdicts)).toEqual(['平潭.nianbao']);
    // 洪泽区 sent 2023 too: its copied share is measured against that file.
    const hongze = read.value.rows.find((r) => r.file === '乡镇/洪泽区2024.txt')!;
    expect(hongze.previousFile).toBe('2023/洪泽区2023.txt');
    expect(hongze.copiedShare).toBeGreaterThan(0);
    expect(read.value.rows.find((r) => r.file === '平潭.nianbao')!.copiedShare).toBeNull();
    expect(await county.countyProgress()).toEqual({ ok: true, value: null });
  });

  it('opens a listed unit with its findings, and refuses a name the read did not list', async () => {
    const unit = await county.countyUnit(dir, '淮安市2024.docx');
    if (!unit.ok) throw new Error(unit.message);
    expect(unit.value.report.organ).toBe(folder.counted['淮安市2024.docx']!.organ);
    expect(Array.isArray(unit.value.findings)).toBe(true);
    expect((await county.countyUnit(dir, '../外面.txt')).ok).toBe(false);
    expect((await county.countyUnit(dir, '名单.txt')).ok).toBe(false);
  });

  it('sums one year and format over the counted units, listing the rest with reasons', async () => {
    const summary = await county.countySummary(dir, { year: 2024, format: 'gov2021' });
    if (!summary.ok) throw new Error(summary.message);
    expect(summary.value.units.map((u) => u.file).sort()).toEqual(Object.keys(folder.counted).sort());
    for (const [file, word] of Object.entries(folder.excluded)) {
      expect(summary.value.excluded.find((e) => e.file === file)?.reason).toContain(word);
    }
    const cell = 'requests.new.total';
    const summed = evaluateReport(summary.value.report).cells.get(cell)?.value;
    const own = Object.values(folder.counted).reduce((sum, r) => sum + (evaluateReport(r).cells.get(cell)?.computed ?? 0), 0);
    expect(summed).toBe(own);
  });

  it('keeps a verdict in the folder\'s workspace file, beside the verdicts already there, and removes it again', async () => {
    const before = parseWorkspace(new Uint8Array(readFileSync(join(dir, WORKSPACE_FILE_NAME))));
    if (!before.ok) throw new Error(before.message);
    const set = await county.countySetVerdict(dir, '淮安市2024.docx', 'some.key', { verdict: '确认', comment: '请更正' });
    if (!set.ok) throw new Error(set.message);
    const onDisk = parseWorkspace(new Uint8Array(readFileSync(join(dir, WORKSPACE_FILE_NAME))));
    if (!onDisk.ok) throw new Error(onDisk.message);
    expect(onDisk.workspace.verdicts['淮安市2024.docx']?.['some.key']).toMatchObject({ verdict: '确认', comment: '请更正' });
    for (const [file, byKey] of Object.entries(before.workspace.verdicts)) expect(onDisk.workspace.verdicts[file]).toEqual(byKey);
    expect(set.value).toEqual(onDisk.workspace.verdicts);
    await county.countySetVerdict(dir, '淮安市2024.docx', 'some.key', null);
    const after = parseWorkspace(new Uint8Array(readFileSync(join(dir, WORKSPACE_FILE_NAME))));
    expect(after.ok && after.workspace.verdicts['淮安市2024.docx']).toBeFalsy();
    expect((await county.countySetVerdict(dir, '名单.txt', 'k', { verdict: '确认', comment: '' })).ok).toBe(false);
  });

  it('exports the 汇总 workbook where the save dialog says, adding the extension', async () => {
    saveAnswer = join(root, '汇总表');
    const result = await county.countyExport(dir, { kind: 'xlsx', year: 2024, format: 'gov2021', office: '' });
    expect(result).toEqual({ ok: true, value: { path: `${saveAnswer}.xlsx`, name: '汇总表.xlsx', count: 1 } });
    const bytes = readFileSync(`${saveAnswer}.xlsx`);
    // A zip (OOXML); the workbook's own tests read its cells back.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    saveAnswer = null;
    expect(await county.countyExport(dir, { kind: 'xlsx', year: 2024, format: 'gov2021', office: '' })).toEqual({ ok: true, value: null });
  });

  it('writes the 汇总 and one unit\'s 检查意见 as Word documents where the save dialog says', async () => {
    saveAnswer = join(root, '汇总.docx');
    const summary = await county.countyExport(dir, { kind: 'summaryDocx', year: 2024, format: 'gov2021', office: '某县政务公开办' });
    expect(summary).toEqual({ ok: true, value: { path: saveAnswer, name: '汇总.docx', count: 1 } });
    expect(readFileSync(saveAnswer).subarray(0, 2).toString('latin1')).toBe('PK');
    saveAnswer = join(root, '意见');
    const reply = await county.countyExport(dir, { kind: 'reply', year: 2024, format: 'gov2021', file: '淮安市2024.docx', office: '' });
    expect(reply.ok && reply.value?.path).toBe(`${saveAnswer}.docx`);
    expect((await county.countyExport(dir, { kind: 'reply', year: 2024, format: 'gov2021', file: '名单.txt', office: '' })).ok).toBe(false);
    saveAnswer = null;
  });

  it('writes one 检查意见 per unit with findings into the chosen folder', async () => {
    folderAnswer = join(root, '检查意见');
    mkdirSync(folderAnswer);
    try {
      const replies = await county.countyExport(dir, { kind: 'replies', year: 2024, format: 'gov2021', office: '' });
      if (!replies.ok || !replies.value) throw new Error('no replies');
      const written = readdirSync(folderAnswer);
      expect(written).toHaveLength(replies.value.count);
      expect(replies.value.count).toBeGreaterThan(0);
      expect(written.every((name) => name.endsWith('-检查意见.docx'))).toBe(true);
    } finally {
      folderAnswer = null;
    }
  });

  it('reads a roster file chosen in the dialog as names', async () => {
    rosterAnswer = folder.roster;
    const roster = await county.countyOpenRoster();
    expect(roster).toEqual({ ok: true, value: folder.rosterNames });
  });

  describe('a drop', () => {
    // A window of its own, where nothing was chosen: only what is dropped is granted.
    const dropSide = () => createCountyHandlers({ dialogs, grants: new PathGrants(), readers: [readReportBytes] });
    const claimOf = (file: string) => {
      const path = join(dir, ...file.split('/'));
      return { path, size: statSync(path).size, lastModified: Math.floor(statSync(path).mtimeMs) };
    };

    it('reads dropped files as a set in their common folder, with its workspace file, and 重新读取 reads the same set', async () => {
      const side = dropSide();
      const read = await side.countyReadDropped([claimOf('乡镇/洪泽区2024.txt'), claimOf('平潭.nianbao')]);
      if (!read.ok) throw new Error(read.message);
      expect(read.value.folder).toEqual({ path: dir, name: '各单位年报' });
      expect(read.value.rows.map((r) => r.file)).toEqual(['乡镇/洪泽区2024.txt', '平潭.nianbao']);
      expect(Object.keys(read.value.verdicts)).toEqual(['平潭.nianbao']);
      // The set, not the whole folder: neither read nor opened beyond what was dropped.
      expect((await side.countyUnit(dir, '淮安市2024.docx')).ok).toBe(false);
      expect((await side.countyUnit(dir, '平潭.nianbao')).ok).toBe(true);
      const again = await side.countyRead(dir);
      if (!again.ok) throw new Error(again.message);
      expect(again.value.rows.map((r) => r.file)).toEqual(['乡镇/洪泽区2024.txt', '平潭.nianbao']);
    });

    it('reads a dropped folder as if chosen', async () => {
      const side = dropSide();
      const path = dir;
      const read = await side.countyReadDropped([{ path, size: 0, lastModified: Math.floor(statSync(path).mtimeMs) }]);
      if (!read.ok) throw new Error(read.message);
      expect(read.value.rows.map((r) => r.file).sort()).toEqual([...Object.keys(folder.counted), ...Object.keys(folder.excluded)].sort());
      expect(read.value.unreadable.map((u) => u.file)).toEqual([folder.unreadable]);
    });

    it('refuses the whole drop when one claim does not match the disk, and grants nothing', async () => {
      const side = dropSide();
      const forged = { ...claimOf('淮安市2024.docx'), size: 1 };
      const read = await side.countyReadDropped([claimOf('平潭.nianbao'), forged]);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).toContain('选择文件夹');
      expect((await side.countyRead(dir)).ok).toBe(false);
    });
  });
});
