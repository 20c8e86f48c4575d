import { describe, expect, it } from 'vitest';
import { formatSize, formatSizeAgainst, tooLargeText } from '../../../shared/file/size.ts';

const MB = 1024 * 1024;

describe('file sizes in messages', () => {
  it.each<[number, string]>([
    [512, '0.5 KB'],
    [300 * 1024, '300.0 KB'],
    [MB, '1.0 MB'],
    [3.25 * MB, '3.3 MB'],
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });

  it.each<[number, number, string, string]>([
    [52 * MB, 50 * MB, '52.0 MB', '50.0 MB'],
    [50 * MB + 2 * 1024, 50 * MB, '50.002 MB', '50.000 MB'],
    [50 * MB + 30 * 1024, 50 * MB, '50.03 MB', '50.00 MB'],
    [50 * MB + 1, 50 * MB, '52428801 字节', '52428800 字节'],
    [21 * 1024, 20 * 1024, '21.0 KB', '20.0 KB'],
  ])('%d against a limit of %d: %s and %s', (bytes, limit, size, max) => {
    expect(formatSizeAgainst(bytes, limit)).toEqual({ size, limit: max });
  });

  it('never prints a size equal to its limit', () => {
    for (let over = 1; over < 4 * MB; over = over * 2 + 1) {
      const { size, limit } = formatSizeAgainst(50 * MB + over, 50 * MB);
      expect(size).not.toBe(limit);
    }
  });

  it('says it in one Chinese phrase', () => {
    expect(tooLargeText(52 * MB, 50 * MB)).toBe('文件太大（52.0 MB，上限 50.0 MB）');
  });
});
