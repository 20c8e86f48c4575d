/** Roster names matched to the organs real reports write, by the rules the office is shown. */
import { describe, expect, it } from 'vitest';
import { checkRoster, coreNameKey, matchRoster, parseRoster } from '../../../shared/county/index.ts';

/** Organs as the published samples write them. */
const SAMPLE_ORGANS = ['海工园（寅阳镇）', '通元镇', '新习镇', '平潭综合实验区', '洪泽区人民政府', '沭阳县发展和改革局', '淮安市洪泽区人民政府', '淮安市人民政府'];

describe('coreNameKey', () => {
  it.each([
    ['淮安市人民政府', '淮安市'],
    // 县委办 and 县委 are two units: shortened, not stripped.
    ['中共沭阳县委办公室', '沭阳县委办'],
    ['中国共产党沭阳县委员会', '沭阳县委'],
    ['沭阳县人民政府办公室', '沭阳县政府办'],
    ['平潭综合实验区管理委员会', '平潭综合实验区'],
    ['海工园（寅阳镇）', '海工园寅阳镇'],
    ['海工园(寅阳镇)', '海工园寅阳镇'],
    ['清江浦区 长西街道办事处', '清江浦区长西街道'],
    ['ＡＢＣ镇人民政府', 'ABC镇'],
    // Never stripped down to a single character.
    ['县政府', '县政府'],
  ])('%s → %s', (name, key) => expect(coreNameKey(name)).toBe(key));
});

describe('matchRoster against the samples’ organs', () => {
  it.each<[string, string | null, string]>([
    ['淮安市人民政府', '淮安市人民政府', 'same'],
    ['淮安市洪泽区人民政府', '淮安市洪泽区人民政府', 'same'],
    ['淮安市', '淮安市人民政府', 'core'],
    ['海工园(寅阳镇)', '海工园（寅阳镇）', 'same'],
    ['寅阳镇', '海工园（寅阳镇）', 'core'],
    ['海工园', '海工园（寅阳镇）', 'core'],
    ['淮安市洪泽区', '淮安市洪泽区人民政府', 'core'],
    ['洪泽区', '洪泽区人民政府', 'core'],
    ['通元镇人民政府', '通元镇', 'core'],
    ['平潭综合实验区管委会', '平潭综合实验区', 'core'],
    ['发展和改革局', '沭阳县发展和改革局', 'substring'],
    ['沭阳县发改局', null, 'none'],
  ])('%s → %s (%s)', (name, organ, rule) => {
    const result = matchRoster([name], SAMPLE_ORGANS);
    if (organ === null) {
      expect(result.matches).toEqual([]);
      expect(result.unmatched).toEqual([name]);
    } else {
      expect(result.matches).toEqual([expect.objectContaining({ name, organ, rule })]);
      expect(result.matches[0]!.how).not.toBe('');
    }
  });

  it('does not guess between two organs a short name fits', () => {
    const result = matchRoster(['发展和改革局'], ['沭阳县发展和改革局', '泗阳县发展和改革局']);
    expect(result.matches).toEqual([]);
    expect(result.ambiguous).toEqual([{ name: '发展和改革局', candidates: ['沭阳县发展和改革局', '泗阳县发展和改革局'], rivals: [], rule: 'substring' }]);
  });

  it('lets a stricter match take its organ before a looser one is tried', () => {
    // 淮安市 would be a substring of 淮安市洪泽区人民政府 too; its core match to 淮安市人民政府 comes first.
    const result = matchRoster(['淮安市', '淮安市洪泽区'], ['淮安市人民政府', '淮安市洪泽区人民政府']);
    expect(result.matches.map((m) => [m.name, m.organ, m.rule])).toEqual([
      ['淮安市', '淮安市人民政府', 'core'],
      ['淮安市洪泽区', '淮安市洪泽区人民政府', 'core'],
    ]);
    expect(result.unlisted).toEqual([]);
  });

  it('gives an organ two names claim to neither', () => {
    const result = matchRoster(['寅阳镇', '海工园'], ['海工园（寅阳镇）']);
    expect(result.matches).toEqual([]);
    expect(result.ambiguous.map((a) => [a.name, a.rivals])).toEqual([
      ['寅阳镇', ['海工园']],
      ['海工园', ['寅阳镇']],
    ]);
  });

  it('lists the organs no roster line names', () => {
    expect(matchRoster(['通元镇'], SAMPLE_ORGANS).unlisted).toHaveLength(SAMPLE_ORGANS.length - 1);
  });
});

describe('matchRoster among a county’s own offices', () => {
  const ORGANS = ['中共沭阳县委办公室', '沭阳县人民政府办公室', '中国共产党沭阳县委员会', '沭阳县发展和改革局'];
  it.each<[string, string | null, string]>([
    ['县委办', '中共沭阳县委办公室', 'substring'],
    ['县政府办', '沭阳县人民政府办公室', 'substring'],
    ['沭阳县政府办公室', '沭阳县人民政府办公室', 'core'],
    ['中共沭阳县委', '中国共产党沭阳县委员会', 'core'],
    ['沭阳县委员会', '中国共产党沭阳县委员会', 'core'],
    // The county government's own report is not there: 沭阳县委 only starts like 沭阳县.
    ['沭阳县人民政府', null, 'none'],
    // Two characters say too little.
    ['县委', null, 'none'],
  ])('%s → %s (%s)', (name, organ, rule) => {
    const { matches } = matchRoster([name], ORGANS);
    expect(matches.map((m) => [m.organ, m.rule])).toEqual(organ === null ? [] : [[organ, rule]]);
  });
});

describe('parseRoster', () => {
  it('takes one name a line, trimmed, without blank lines or repeats', () => {
    expect(parseRoster('﻿ 洪泽区 \r\n\r\n淮安市\n洪泽区\n　\n')).toEqual(['洪泽区', '淮安市']);
  });
});

describe('checkRoster', () => {
  const ofYear = [{ file: 'a.txt', organ: '淮安市人民政府', year: 2024 }];
  const others = [
    { file: 'b.txt', organ: '通元镇', year: 2019 },
    { file: 'c.txt', organ: '通元镇人民政府', year: 2020 },
  ];
  it('tells a unit that sent another year from one that sent nothing', () => {
    const result = checkRoster(['某某乡', '淮安市', '通元镇'], ofYear, others);
    expect(result.matches).toEqual([expect.objectContaining({ name: '淮安市', organ: '淮安市人民政府', files: ['a.txt'] })]);
    expect(result.missing.map((m) => m.name)).toEqual(['某某乡', '通元镇']);
    expect(result.missing[0]!.reason).toBe('未收到报告');
    // 通元镇 and 通元镇人民政府 are two spellings: the exact one is matched, and its year named.
    expect(result.missing[1]!.reason).toContain('2019');
    expect(result.missing[1]!.reason).toContain('b.txt');
  });

  it('names the other roster line that fits the same unit', () => {
    const result = checkRoster(['寅阳镇', '海工园'], [{ file: 'x.txt', organ: '海工园（寅阳镇）', year: 2024 }], []);
    expect(result.matches).toEqual([]);
    expect(result.missing).toEqual([
      { name: '寅阳镇', reason: '与名单中的“海工园”都对应海工园（寅阳镇），未自动认定，请核对' },
      { name: '海工园', reason: '与名单中的“寅阳镇”都对应海工园（寅阳镇），未自动认定，请核对' },
    ]);
  });
});
