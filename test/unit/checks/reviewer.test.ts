/**
 * The rules a county office or an evaluator applies first: organ, 落款 date and
 * deadline, format citation, stale years, headings and a thin 五. Each rule with
 * real sentences it flags and real sentences it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import type { FormatId, SectionKey } from '../../../shared/formats/types.ts';
import { defaultOrganKind, type OrganKind } from '../../../shared/model/report.ts';
import { parseDateLine } from '../../../shared/checks/info.ts';
import { buildReport, findingsOf } from './build.ts';

describe('organ', () => {
  it('a report without 机关名称 is an error on the 基本信息 field', () => {
    const report = buildReport({ format: 'gov2021', year: 2025 });
    report.organ = '  ';
    expect(findingsOf(report, 'info.organ')).toMatchObject([{ severity: 'error', rule: 'info.organ', field: 'organ', section: 'preface' }]);
  });

  it.each<[string, string, { preface?: string; 六?: string }, string[]]>([
    ['the preface names the government’s office', '洪泽区人民政府', { preface: '本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制此报告。' }, []],
    ['the preface names the bureau itself', '沭阳县发展和改革局', { preface: '现向社会公布沭阳县发展和改革局2023年度政府信息公开年度报告。' }, []],
    ['中共 and spacing do not matter', '中共某某县委宣传部', { 六: '本机关未收取信息处理费。\n某某县委 宣传部' }, []],
    ['another office of the same government', '淮安市洪泽区人民政府', { preface: '本报告由洪泽区政务服务管理办公室根据《条例》要求编制。' }, []],
    ['the preface speaking of itself', '某某县财政局', { preface: '本报告由我局办公室根据《条例》要求编制。' }, []],
    ['a sentence at the end is no signature', '某某县财政局', { 六: '本年度未收取信息处理费，其他事项无。' }, []],
    [
      'the preface names another body',
      '沭阳县财政局',
      { preface: '现向社会公布沭阳县发展和改革局2023年度政府信息公开年度报告。' },
      ['前言中的机关“沭阳县发展和改革局”与标题中的机关名称“沭阳县财政局”不一致，请核实'],
    ],
    [
      'last year’s signature of another body',
      '某某镇人民政府',
      { 六: '本机关未收取信息处理费。\n某某县自然资源局' },
      ['落款中的机关“某某县自然资源局”与标题中的机关名称“某某镇人民政府”不一致，请核实'],
    ],
  ])('%s', (_name, organ, text, messages) => {
    const report = buildReport({ format: 'gov2021', year: 2023, sections: text.六 ? { 六: text.六 } : {}, preface: text.preface });
    report.organ = organ;
    const found = findingsOf(report, 'info.organMismatch');
    expect(found.map((f) => f.message)).toEqual(messages);
    for (const f of found) expect(f).toMatchObject({ severity: 'warning', field: 'organ' });
  });
});

describe('organ kind from the name', () => {
  it.each<[string, OrganKind]>([
    ['淮安市洪泽区人民政府', 'government'],
    ['淮安市人民政府', 'government'],
    ['沭阳县发展和改革局', 'department'],
    ['平潭综合实验区', 'department'],
    ['通元镇', 'township'],
    ['海工园（寅阳镇）', 'township'],
    ['某某县城关镇人民政府', 'township'],
    ['某某区新城街道办事处', 'township'],
  ])('%s → %s', (organ, kind) => {
    expect(defaultOrganKind(organ)).toBe(kind);
  });
});

describe('落款 date', () => {
  it.each<[string, string, OrganKind | undefined, string | undefined, string | undefined]>([
    ['a department in January', '某县财政局', undefined, '2026年1月20日', undefined],
    ['a department on its deadline', '某县财政局', undefined, '2026年1月31日', undefined],
    ['a department in February', '某县财政局', undefined, '2026年2月10日', 'info.dateLate'],
    ['a government in March', '淮安市洪泽区人民政府', undefined, '2026年3月20日', undefined],
    ['a government in April', '淮安市洪泽区人民政府', undefined, '2026年4月2日', 'info.dateLate'],
    ['a township: local deadlines only', '通元镇', undefined, '2026年5月6日', undefined],
    ['a department set as 本级政府 by the clerk', '某县财政局', 'government', '2026年3月1日', undefined],
    ['Chinese numerals', '某县财政局', undefined, '二〇二六年一月二十日', undefined],
    ['last year’s 落款 left in', '某县财政局', undefined, '2025年1月20日', 'info.dateEarly'],
    ['in the report year, Chinese numerals', '某县财政局', undefined, '二〇二五年十二月三十日', 'info.dateEarly'],
    ['missing', '某县财政局', undefined, undefined, 'info.date'],
    ['not a date', '某县财政局', undefined, '近日', 'info.date'],
  ])('%s', (_name, organ, kind, dateLine, rule) => {
    const report = buildReport({ format: 'gov2021', year: 2025 });
    report.organ = organ;
    if (kind) report.organKind = kind;
    if (dateLine !== undefined) report.dateLine = dateLine;
    const found = findingsOf(report, 'info.date');
    expect(found.map((f) => f.rule)).toEqual(rule ? [rule] : []);
    for (const f of found) expect(f).toMatchObject({ severity: 'warning', field: 'dateLine' });
  });

  it('names the date and the deadline', () => {
    const report = buildReport({ format: 'gov2021', year: 2025 });
    report.organ = '某县财政局';
    report.dateLine = '2026年2月10日';
    expect(findingsOf(report, 'info.dateLate')[0]?.message).toBe(
      '落款日期“2026年2月10日”晚于县级以上人民政府部门的发布期限（2026年1月31日前，《政府信息公开条例》第四十九条）；机关类型可在基本信息中设置',
    );
  });

  it.each<[string, [number, number, number] | undefined]>([
    ['2026年1月20日', [2026, 1, 20]],
    ['２０２６年１月２０日', [2026, 1, 20]],
    ['二〇二六年一月二十日', [2026, 1, 20]],
    ['二○二六年十二月三十一日', [2026, 12, 31]],
    ['2026年13月1日', undefined],
    ['2026年1月', undefined],
  ])('reads %s', (line, expected) => {
    const date = parseDateLine(line);
    expect(date ? [date.year, date.month, date.day] : undefined).toEqual(expected);
  });
});

describe('format citation', () => {
  const PREFACE = (citation: string) =>
    `本报告根据《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》（${citation}）要求编制。`;

  it.each<[string, number, FormatId, string, string | undefined]>([
    ['the 2019 notice in a 2025 report', 2025, 'gov2021', '国办公开办函〔2019〕60号', '国办公开办函〔2021〕30号'],
    ['a character dropped', 2025, 'gov2021', '国办公开函〔2021〕30号', '国办公开办函〔2021〕30号'],
    ['square brackets', 2025, 'gov2021', '国办公开办函[2021]30号', '国办公开办函〔2021〕30号'],
    ['【】 brackets', 2023, 'gov2021', '国办公开办函【2021】30号', '国办公开办函〔2021〕30号'],
    ['the 2021 notice in a 2020 report', 2020, 'gov2019', '国办公开办函〔2021〕30号', '国办公开办函〔2019〕60号'],
    ['right in 2025', 2025, 'gov2021', '国办公开办函〔2021〕30号', undefined],
    ['right in 2020', 2020, 'gov2019', '国办公开办函〔2019〕60号', undefined],
    ['the fee notice is another document', 2025, 'gov2021', '国办函〔2020〕109号', undefined],
    ['another 2019 notice', 2025, 'gov2021', '国办发〔2019〕30号', undefined],
  ])('%s', (_name, year, format, citation, to) => {
    const report = buildReport({ format, year, preface: PREFACE(citation) });
    const found = findingsOf(report, 'narrative.citation');
    expect(found.map((f) => f.expected)).toEqual(to ? [to] : []);
    const [finding] = found;
    if (!finding || !to) return;
    expect(finding.fix).toEqual({ kind: 'replaceText', section: 'preface', ...finding.span, from: citation, to });
    expect(report.preface.text.slice(finding.span?.start, finding.span?.end)).toBe(citation);
  });
});

describe('stale years', () => {
  const flagged = (section: SectionKey, text: string, year = 2025) =>
    findingsOf(buildReport({ format: 'gov2021', year, sections: { [section]: text } }), 'narrative.year');

  it.each<[string, SectionKey, string]>([
    ['a count of last year’s work', '一', '全年工作有序推进，2024年累计主动公开政府信息20条。'],
    ['制作、获取 with last year', '一', '坚持依法公开。2024年制作、获取政府信息总数467条，均按要求管理。'],
    ['a mid-paragraph 2024年，', '一', '我区高度重视政务公开工作。2024年，我区持续深化政务公开，取得明显成效。'],
    ['requests counted under last year', '三', '2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。'],
    ['an older year counted', '二', '我局2023年在网站发布信息56条。'],
  ])('flags %s', (_name, section, text) => {
    const found = flagged(section, text);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/^[一二三四]、.+ 中(“.+”写的是20\d\d年的情况|有段落以)/);
  });

  it.each<[string, SectionKey, string]>([
    ['a budget', '一', '依据2024年政府决算，公开部门决算3件。'],
    ['a starting point', '一', '自2024年起，我区每季度公开重点领域信息12条。'],
    ['last year’s report', '五', '2024年度报告中提出的问题已全部整改。'],
    ['a cited document’s date', '一', '2024年12月印发《政务公开工作要点》，明确重点任务16项。'],
    ['a title with a year', '一', '根据《淮安市2024年政务公开工作要点》，印发文件3件。'],
    ['a comparison', '三', '与2024年相比，受理申请增加12件。'],
    ['a comparison with 较', '三', '较2024年增加5件。'],
    ['a range', '一', '2019年至今累计公开政府信息3000条。'],
    ['next year’s plans in 五', '五', '2026年，我区将进一步加强培训，计划开展培训3次。'],
    ['this year', '一', '2025年，我区主动公开政府信息2428条。'],
    ['a history sentence with no count', '一', '我区政务公开工作始于2008年，多年来不断完善。'],
    ['requests carried over', '三', '2024年受理的申请结转至本年办理3件。'],
    ['years in brackets', '一', '连续三年（2023年、2024年、2025年）公开重点领域信息均超过100条。'],
    ['last year’s annual report published', '一', '按时发布2024年政府信息公开工作年度报告1份。'],
    ['last year’s final accounts and this year’s budget', '二', '公开2024年度部门决算、2025年度部门预算共56个。'],
  ])('leaves %s', (_name, section, text) => {
    expect(flagged(section, text)).toEqual([]);
  });
});

describe('sections', () => {
  const find = (sections: Partial<Record<SectionKey, string>>, rule: string) =>
    findingsOf(buildReport({ format: 'gov2021', year: 2025, sections }), rule).map((f) => f.message);

  it.each<[string, string, string[]]>([
    ['无', '无', ['五、存在的主要问题及改进情况 只写了“无”，应写明存在的主要问题及改进情况（不少于20字）']],
    ['a few words', '存在问题较少。', ['五、存在的主要问题及改进情况 只写了“存在问题较少。”，应写明存在的主要问题及改进情况（不少于20字）']],
    ['problems and measures', '政策解读形式还不够丰富。下一步，我局将丰富解读形式，加强培训。', []],
  ])('五 written as %s', (_name, text, messages) => {
    expect(find({ 五: text }, 'narrative.thin')).toEqual(messages);
  });

  it('六 may say 无', () => {
    expect(find({ 六: '无' }, 'narrative.thin')).toEqual([]);
  });

  it.each<[string, Partial<Record<SectionKey, string>>, string[]]>([
    [
      'another section’s heading pasted in',
      { 一: '我区认真落实条例。\n二、主动公开政府信息情况\n全年公开信息20条。' },
      ['一、总体情况 的正文中含有“二、主动公开政府信息情况”的标题，顺序或位置可能有误（章节标题由格式统一生成，正文中不必再写）'],
    ],
    [
      'its own heading repeated',
      { 五: '五、存在的主要问题及改进情况\n政策解读形式还不够丰富，下一步将加强培训。' },
      ['五、存在的主要问题及改进情况 的正文中重复了本部分的标题（章节标题由格式统一生成，正文中不必再写）'],
    ],
    ['the title within a sentence', { 二: '在主动公开政府信息情况方面，我区全年公开信息20条。' }, []],
  ])('%s', (_name, sections, messages) => {
    expect(find(sections, 'narrative.heading')).toEqual(messages);
  });
});
