import { describe, expect, it } from 'vitest';
import {
  FILE_VERSION,
  MAX_JSON_DEPTH,
  ReportFileError,
  looksLikeReportFile,
  parseReportBytes,
  parseReportFile,
  serializeReport,
  type Migration,
} from '../../../shared/file/document.ts';
import { createReport, type Report } from '../../../shared/model/report.ts';

function sample(): Report {
  const report = createReport({ format: 'gov2021', year: 2024, organ: '某镇人民政府' });
  report.cells['requests.new.natural'] = { raw: '３件', source: 'typed' };
  report.cells['requests.results_total.total'] = { raw: '5', source: 'override' };
  report.sections.一 = { text: '2024年，我镇……', source: 'typed' };
  report.acknowledgements['value.blank|appeals'] = { explanation: '本年无复议诉讼', at: '2025-01-10T08:00:00.000Z' };
  return report;
}

const reasonOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof ReportFileError ? error.reason : `other: ${String(error)}`;
  }
  return undefined;
};

describe('our file format', () => {
  it('round-trips a report exactly, keeping raw text', () => {
    const report = sample();
    const text = serializeReport(report, new Date('2025-01-15T00:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ app: 'nianbao', fileVersion: FILE_VERSION, savedAt: '2025-01-15T00:00:00.000Z' });
    expect(parseReportFile(text)).toEqual(report);
    expect(looksLikeReportFile(new TextEncoder().encode(text))).toBe(true);
  });

  it('keeps the organ kind the clerk set; files without one still open', () => {
    const report: Report = { ...sample(), organKind: 'government' };
    expect(parseReportFile(serializeReport(report)).organKind).toBe('government');
    expect(parseReportFile(serializeReport(sample()))).not.toHaveProperty('organKind');
  });

  it('writes keys in a stable order', () => {
    const a = sample();
    const b: Report = { ...sample(), cells: Object.fromEntries(Object.entries(a.cells).reverse()) };
    const when = new Date(0);
    expect(serializeReport(a, when)).toBe(serializeReport(b, when));
  });

  const valid = serializeReport(sample());
  const doc = JSON.parse(valid) as Record<string, unknown>;
  const withReport = (patch: Record<string, unknown>) =>
    JSON.stringify({ ...doc, report: { ...(doc['report'] as object), ...patch } });

  it.each([
    ['an empty file', '', 'empty'],
    ['a truncated file', valid.slice(0, valid.length / 2), 'truncated'],
    ['plain text', '本年度报告……', 'foreign'],
    ['another JSON document', '{"name":"package","version":"1.0.0"}', 'foreign'],
    ['a newer version', JSON.stringify({ ...doc, fileVersion: FILE_VERSION + 1 }), 'newerVersion'],
    ['an unknown format', withReport({ format: 'gov2030' }), 'invalid'],
    ['a cell the format lacks', withReport({ cells: { 'requests.made_up.natural': { raw: '1', source: 'typed' } } }), 'invalid'],
    ['a 2019 cell in a 2021 report', withReport({ cells: { 'art20_9.procurement.amount': { raw: '1', source: 'typed' } } }), 'invalid'],
    ['a wrong type', withReport({ year: '2024' }), 'invalid'],
    ['an unknown organ kind', withReport({ organKind: 'ministry' }), 'invalid'],
    ['an unknown source', withReport({ cells: { 'requests.new.natural': { raw: '1', source: 'guessed' } } }), 'invalid'],
  ])('refuses %s', (_name, text, reason) => {
    expect(reasonOf(() => parseReportFile(text))).toBe(reason);
  });

  it.each([
    ['__proto__ in the acknowledgements', withReport({ acknowledgements: JSON.parse('{"__proto__":{"explanation":"x","at":"y"}}') }), '__proto__'],
    ['constructor among the cells', withReport({ cells: JSON.parse('{"constructor":{"raw":"1","source":"typed"}}') }), 'constructor'],
    ['__proto__ spelled with escapes', valid.replace('"report": {', '"report": {"\\u005f_proto__": {},'), '__proto__'],
    ['prototype at the top', valid.replace('{', '{"prototype": 1,'), 'prototype'],
  ])('refuses %s with the file\'s message, naming the key', (_name, text, key) => {
    expect(text).toContain(key === '__proto__' && text.includes('u005f') ? 'u005f_proto__' : key);
    expect(reasonOf(() => parseReportFile(text))).toBe('invalid');
    expect(() => parseReportFile(text)).toThrow(`文件内容不符合年报文件格式，无法打开（含有不允许的键名“${key}”）`);
    expect(({} as Record<string, unknown>)['explanation']).toBeUndefined();
  });

  it('reads the forbidden words as text', () => {
    const report = { ...sample(), organ: '"__proto__": constructor' };
    expect(parseReportFile(serializeReport(report)).organ).toBe('"__proto__": constructor');
  });

  it('refuses deep nesting before parsing, at any size', () => {
    const deep = (n: number) => valid.replace('"savedAt"', `"x": ${'['.repeat(n)}${']'.repeat(n)}, "savedAt"`);
    expect(reasonOf(() => parseReportFile(deep(MAX_JSON_DEPTH)))).toBe('tooDeep');
    expect(reasonOf(() => parseReportFile(deep(1_000_000)))).toBe('tooDeep');
    // Within the depth limit the schema decides, as for any stray key.
    expect(reasonOf(() => parseReportFile(deep(3)))).toBe('invalid');
  });

  it.each<[string, string, number, boolean]>([
    ['a count', 'requests.new.natural', 12, true],
    ['a huge count', 'requests.new.natural', 1e308, false],
    ['a negative count', 'requests.new.natural', -1, false],
    ['a fractional count', 'requests.new.natural', 1.5, false],
    ['an amount', 'art20_8.fees.amount', 387.951, true],
    ['an amount with 5 decimals', 'art20_8.fees.amount', 1.23456, false],
    ['an amount over the limit', 'art20_8.fees.amount', 1e9, false],
    ['a total of many counts', 'requests.new.total', 3 * 1_000_000_000, true],
    ['a negative total', 'requests.new.total', -2, false],
  ])('checks last year\'s values like this year\'s cells: %s', (_what, cell, value, accepted) => {
    const lastYear = { format: 'gov2021', year: 2023, organ: '某镇人民政府', values: { [cell]: value }, sections: {} };
    const text = withReport({ lastYear });
    if (accepted) expect(parseReportFile(text).lastYear?.values[cell]).toBe(value);
    else {
      expect(reasonOf(() => parseReportFile(text))).toBe('invalid');
      expect(() => parseReportFile(text)).toThrow(/上年数值超出该单元格可填写的范围/);
      expect(() => parseReportFile(text)).not.toThrow(String(value));
    }
  });

  it('tells the clerk what to do with a newer file, in Chinese', () => {
    expect(() => parseReportFile(JSON.stringify({ ...doc, fileVersion: 7 }))).toThrow('此文件由更新版本的年报软件保存（文件版本 7），请升级软件后再打开');
  });

  it.each([
    ['binary bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]), 'binary'],
    ['an oversized file', new Uint8Array(21 * 1024 * 1024).fill(0x20), 'tooLarge'],
  ])('refuses %s from disk', (_name, bytes, reason) => {
    expect(reasonOf(() => parseReportBytes(bytes))).toBe(reason);
  });
});

describe('migrations', () => {
  // Test-only history: version 1 stored the organ as `unit`, version 2 renamed it.
  const steps: Migration[] = [
    {
      from: 1,
      migrate: (d) => {
        const { unit, ...report } = d['report'] as Record<string, unknown>;
        return { ...d, report: { ...report, organ: unit } };
      },
    },
  ];

  it('applies each step up to the current version', () => {
    const current = JSON.parse(serializeReport(sample())) as { report: Record<string, unknown> };
    const { organ, ...rest } = current.report;
    const v1 = JSON.stringify({ ...current, fileVersion: 1, report: { ...rest, unit: organ } });
    expect(parseReportFile(v1, { migrations: steps, version: 2 }).organ).toBe('某镇人民政府');
  });

  it('refuses a version it has no step for', () => {
    const v1 = JSON.stringify({ ...JSON.parse(serializeReport(sample())), fileVersion: 1 });
    expect(reasonOf(() => parseReportFile(v1, { migrations: [], version: 2 }))).toBe('invalid');
  });
});

describe('version 1 → 2: last year’s preface joins the baseline', () => {
  function v1(preface: { text: string; source: string }, lastYear: Record<string, unknown> | undefined): string {
    const current = JSON.parse(serializeReport(sample())) as { report: Record<string, unknown> };
    const report = { ...current.report, preface, ...(lastYear ? { lastYear } : {}) };
    return JSON.stringify({ ...current, fileVersion: 1, report });
  }
  const baseline = { format: 'gov2021', year: 2024, organ: '某镇人民政府', values: {}, sections: {} };

  it.each([
    ['a carried preface becomes the baseline’s', { text: '本报告根据《条例》编制。', source: 'carried' }, baseline, '本报告根据《条例》编制。'],
    ['a typed preface is this year’s own', { text: '本报告根据《条例》编制。', source: 'typed' }, baseline, undefined],
    ['an empty carried preface adds nothing', { text: ' ', source: 'carried' }, baseline, undefined],
  ])('%s', (_name, preface, lastYear, expected) => {
    const report = parseReportFile(v1(preface, lastYear));
    expect(report.lastYear?.preface).toBe(expected);
    expect(report.preface).toEqual(preface);
  });

  it('leaves a report without a baseline as it was', () => {
    const report = parseReportFile(v1({ text: '前言', source: 'carried' }, undefined));
    expect(report.lastYear).toBeUndefined();
  });
});
