import { describe, expect, it } from 'vitest';
import { scanJson, type JsonScanProblem } from '../../../shared/file/scan.ts';

const FORBIDDEN = new Set(['__proto__', 'constructor']);

describe('scanJson', () => {
  it.each<[string, string, JsonScanProblem | undefined]>([
    ['a flat object', '{"a": 1, "b": [1, 2]}', undefined],
    ['nesting at the limit', '{"a": [[{"b": 1}]]}', undefined],
    ['nesting over the limit', '{"a": [[[{"b": 1}]]]}', { kind: 'tooDeep' }],
    ['brackets inside strings', '{"a": "[[[[[[{{{{{"}', undefined],
    ['an escaped quote before brackets', '{"a": "\\"[[[[[[", "b": 1}', undefined],
    ['an escaped backslash ending a string', '{"a": "\\\\", "b": [[[[1]]]]}', { kind: 'tooDeep' }],
    ['a forbidden key', '{"a": {"__proto__": 1}}', { kind: 'forbiddenKey', key: '__proto__' }],
    ['a forbidden key with space before the colon', '{"constructor" \n : 1}', { kind: 'forbiddenKey', key: 'constructor' }],
    ['a forbidden key in escapes', '{"\\u005f\\u005fproto\\u005f\\u005f": 1}', { kind: 'forbiddenKey', key: '__proto__' }],
    ['a forbidden word as a value', '{"a": "__proto__", "b": ["constructor"]}', undefined],
    ['an unclosed string', '{"a": "[[[[[[', undefined],
  ])('%s', (_what, text, problem) => {
    expect(scanJson(text, 4, FORBIDDEN)).toEqual(problem);
  });
});
