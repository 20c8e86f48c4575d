/**
 * A dropped file or folder is granted only when the preload's claim (the
 * dropped File's size and time) matches the disk: real files and folders in
 * a temporary directory, and claims a renderer could make up.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyDroppedEntry, verifyDroppedFile } from '../../../electron/services/grants.ts';

const root = mkdtempSync(join(tmpdir(), 'nianbao-dropped-'));
const folder = join(root, '各单位年报');
mkdirSync(folder);
const file = join(folder, '甲镇2024.docx');
writeFileSync(file, 'report bytes');
const other = join(folder, '名单.xlsx');
writeFileSync(other, 'not a report');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What the preload reads off a dropped File: whole milliseconds. */
const claimOf = (path: string, size = statSync(path).size) => ({ path, size, lastModified: Math.floor(statSync(path).mtimeMs) });

describe('verifyDroppedEntry', () => {
  it('grants a dropped file whose size and time match, and a dropped folder whose time matches', async () => {
    expect(await verifyDroppedEntry(claimOf(file))).toEqual({ path: file, folder: false });
    // A folder's File may report another size than stat (0 on Windows): its time decides.
    expect(await verifyDroppedEntry(claimOf(folder, 0))).toEqual({ path: folder, folder: true });
    // Any file at all may be part of a county's drop; the folder read lists what is no report.
    expect(await verifyDroppedEntry(claimOf(other))).toEqual({ path: other, folder: false });
  });

  it.each<[string, () => unknown]>([
    ['a file of another size', () => ({ ...claimOf(file), size: 1 })],
    ['a file of another time', () => ({ ...claimOf(file), lastModified: claimOf(file).lastModified - 5 })],
    ['a folder of another time', () => ({ ...claimOf(folder), lastModified: 0 })],
    ['a relative path', () => ({ ...claimOf(file), path: '各单位年报/甲镇2024.docx' })],
    ['a path that is not there', () => ({ ...claimOf(file), path: join(root, '没有.docx') })],
    ['extra fields', () => ({ ...claimOf(file), granted: true })],
    ['no claim', () => 'path'],
  ])('refuses %s', async (_name, claim) => {
    expect(await verifyDroppedEntry(claim())).toBeNull();
  });

  it('still opens in the editor only report files, never a folder', async () => {
    expect(await verifyDroppedFile(claimOf(file))).toBe(file);
    expect(await verifyDroppedFile(claimOf(other))).toBeNull();
    expect(await verifyDroppedFile(claimOf(folder))).toBeNull();
  });
});
