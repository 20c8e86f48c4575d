/** The office's workspace file: written, read back, and refused with a reason when it is not ours or is damaged. */
import { describe, expect, it } from 'vitest';
import {
  emptyWorkspace,
  parseWorkspace,
  serializeWorkspace,
  setRoster,
  setVerdict,
  WORKSPACE_FILE_NAME,
  type Workspace,
} from '../../../shared/county/workspace.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const AT = '2026-01-20T08:00:00.000Z';

describe('setVerdict', () => {
  it('sets, replaces and removes one verdict without touching the input', () => {
    const empty = emptyWorkspace();
    const one = setVerdict(empty, '乡镇/甲镇.docx', 'requests.balance', { verdict: '不采纳', comment: '系上年结转', at: AT });
    expect(empty.verdicts).toEqual({});
    expect(one.verdicts).toEqual({ '乡镇/甲镇.docx': { 'requests.balance': { verdict: '不采纳', comment: '系上年结转', at: AT } } });
    const replaced = setVerdict(one, '乡镇/甲镇.docx', 'requests.balance', { verdict: '确认', comment: '' }, () => new Date(AT));
    expect(replaced.verdicts['乡镇/甲镇.docx']?.['requests.balance']).toEqual({ verdict: '确认', comment: '', at: AT });
    const two = setVerdict(replaced, '乡镇/甲镇.docx', 'value.blank', { verdict: '确认', comment: '', at: AT });
    expect(Object.keys(two.verdicts['乡镇/甲镇.docx'] ?? {})).toEqual(['requests.balance', 'value.blank']);
    const back = setVerdict(setVerdict(two, '乡镇/甲镇.docx', 'value.blank', null), '乡镇/甲镇.docx', 'requests.balance', null);
    // A file with no verdict left is dropped entirely.
    expect(back.verdicts).toEqual({});
  });
});

describe('serializeWorkspace / parseWorkspace', () => {
  it('reads back what it wrote, roster included, keys in a stable order', () => {
    let ws: Workspace = setRoster(emptyWorkspace(), ['洪泽区', '淮安市']);
    ws = setVerdict(ws, 'b.txt', 'k2', { verdict: '确认', comment: '已电话核实', at: AT });
    ws = setVerdict(ws, 'a.txt', 'k1', { verdict: '不采纳', comment: '', at: AT });
    const bytes = serializeWorkspace(ws);
    const text = new TextDecoder().decode(bytes);
    expect(text.indexOf('"a.txt"')).toBeLessThan(text.indexOf('"b.txt"'));
    expect(JSON.parse(text)).toMatchObject({ app: 'nianbao-county', fileVersion: 1 });
    expect(parseWorkspace(bytes)).toEqual({ ok: true, workspace: ws });
    expect(parseWorkspace(serializeWorkspace(setRoster(ws, [])))).toEqual({ ok: true, workspace: { app: 'nianbao-county', fileVersion: 1, verdicts: ws.verdicts } });
  });

  it('accepts a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...serializeWorkspace(emptyWorkspace())]);
    expect(parseWorkspace(bytes).ok).toBe(true);
  });

  const valid = { app: 'nianbao-county', fileVersion: 1, verdicts: {} };
  it.each<[string, Uint8Array, string]>([
    ['empty', encode('  \n'), '空'],
    ['binary', new Uint8Array([0x7b, 0, 0xff, 0xfe]), '不是文本'],
    ['another program’s JSON', encode('{"name":"x"}'), '不是本软件'],
    ['a report file', encode('{"app":"nianbao","fileVersion":1}'), '不是本软件'],
    ['not JSON at all', encode('名单'), '不是本软件'],
    ['cut off', encode('{"app":"nianbao-county","fileVersion":1,"verdicts":{'), '不完整'],
    ['a newer version', encode(JSON.stringify({ ...valid, fileVersion: 2 })), '更新版本'],
    ['an unknown verdict', encode(JSON.stringify({ ...valid, verdicts: { 'a.txt': { k: { verdict: '驳回', comment: '', at: AT } } } })), 'verdicts.a.txt.k.verdict'],
    ['an unknown field', encode(JSON.stringify({ ...valid, extra: 1 })), '不符合'],
    ['a forbidden key', encode('{"app":"nianbao-county","fileVersion":1,"verdicts":{"__proto__":{}}}'), '__proto__'],
    ['nesting far too deep', encode(`{"app":"nianbao-county","fileVersion":1,"verdicts":${'['.repeat(50)}${']'.repeat(50)}}`), '嵌套过深'],
  ])('refuses %s, naming the file and why', (_, bytes, why) => {
    const parsed = parseWorkspace(bytes);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(WORKSPACE_FILE_NAME);
      expect(parsed.message).toContain(why);
    }
  });
});
