import { describe, expect, it } from 'vitest';
import type { FormatId, SectionKey } from '../../../shared/formats/types.ts';
import { buildReport, findingsOf } from './build.ts';

const FILLED: Record<SectionKey, string> = {
  一: '本年度，我镇认真贯彻落实政务公开各项要求。',
  二: '',
  三: '',
  四: '',
  五: '存在公开内容不够全面的问题。下一步将加强培训。',
  六: '本机关未收取信息处理费。',
};

function prose(format: FormatId, sections: Partial<Record<SectionKey, string>>, year?: number) {
  return buildReport({ format, year, sections: { ...FILLED, ...sections } });
}

describe.each<FormatId>(['gov2019', 'gov2021'])('required prose (%s)', (format) => {
  it.each<[string, Partial<Record<SectionKey, string>>, string[]]>([
    ['all present', {}, []],
    ['六 says 无', { 六: '无' }, []],
    ['一 and 五 blank', { 一: ' \n', 五: '' }, ['一、总体情况 尚未填写', '五、存在的主要问题及改进情况 尚未填写']],
    ['六 blank', { 六: '' }, ['六、其他需要报告的事项 尚未填写（如确无其他事项，可写“无”）']],
  ])('%s', (_name, sections, messages) => {
    expect(findingsOf(prose(format, sections), 'narrative.missing').map((f) => f.message)).toEqual(messages);
  });
});

describe('years in the text', () => {
  it.each<[string, SectionKey, string, string[]]>([
    ['history is fine', '一', '依据2018年度决算，2019年我镇……', []],
    ['next year’s plans in 五 are fine', '五', '2020年，我镇将进一步加强培训。', []],
    ['next year in 一', '一', '2020年，我镇……', ['一、总体情况 中的“2020年”是报告年度的下一年，此部分应报告2019年度情况，请核实']],
    ['two years ahead anywhere', '五', '到2021年将完成……', ['五、存在的主要问题及改进情况 中的“2021年”晚于报告年度（2019年），请核实']],
    ['last year opening a paragraph', '一', '概述。\n2018年，我镇……', ['一、总体情况 中有段落以“2018年，”开头，而本报告为2019年度，可能是上年报告的文字未更新']],
    ['last year 年度 opening a paragraph', '一', '2018年度，我镇……', ['一、总体情况 中有段落以“2018年度，”开头，而本报告为2019年度，可能是上年报告的文字未更新']],
    ['last year inside a sentence', '一', '与2018年相比，申请数量有所增加。', []],
    ['numbers that are not years', '一', '共有12019人次访问，编号20190年', []],
  ])('%s', (_name, section, text, messages) => {
    const found = findingsOf(prose('gov2019', { [section]: text }, 2019), 'narrative.year');
    expect(found.map((f) => f.message)).toEqual(messages);
    for (const f of found) expect(text.slice(f.span?.start, f.span?.end)).toMatch(/^\d{4}年/);
  });
});

describe('the statistics period', () => {
  it.each<[string, string, string[]]>([
    ['right', '本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。', []],
    ['end year omitted', '统计期限为2020年1月1日至12月31日。', []],
    [
      'last year’s',
      '本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。',
      ['前言 中的统计期限应为自2020年1月1日起至2020年12月31日止，现为“统计期限自2019年1月1日起至2019年12月31日”'],
    ],
    [
      'ends on 12月30日',
      '本报告中所列数据的统计期限自2020年1月1日起至2020年12月30日止。',
      ['前言 中的统计期限应为自2020年1月1日起至2020年12月31日止，现为“统计期限自2020年1月1日起至2020年12月30日”'],
    ],
  ])('%s', (_name, preface, messages) => {
    const report = buildReport({ format: 'gov2019', year: 2020, preface, sections: FILLED });
    const found = findingsOf(report, 'narrative.period');
    expect(found.map((f) => f.message)).toEqual(messages);
    // The years inside the sentence are reported once, as a period.
    expect(findingsOf(report, 'narrative.year')).toEqual([]);
    for (const f of found) expect(preface.slice(f.span?.start, f.span?.end)).toBe(f.actual);
  });
});

describe('leftovers', () => {
  it.each<[string, string[]]>([
    ['[bookmark: _GoBack]我镇……', ['[bookmark: _GoBack]']],
    ['（文字描述）', ['（文字描述）']],
    ['XX镇人民政府、XXX办公室', ['XX', 'XXX']],
    ['××局', ['××']],
    ['访问网址 www.example.gov.cn，Excel 表格', []],
  ])('%s', (text, leftovers) => {
    const found = findingsOf(prose('gov2021', { 一: text }), 'narrative.leftover');
    expect(found.map((f) => f.actual)).toEqual(leftovers);
    expect(new Set(found.map((f) => f.key)).size).toBe(found.length);
  });
});

describe('the fee statement of the 2021 format', () => {
  it.each<[FormatId, string, number]>([
    ['gov2021', '本机关未收取信息处理费。', 0],
    ['gov2021', '无', 1],
    ['gov2021', '', 0],
    ['gov2019', '无', 0],
  ])('%s 六 “%s” → %i', (format, text, count) => {
    const found = findingsOf(prose(format, { 六: text }), 'narrative.feeStatement');
    expect(found).toHaveLength(count);
    if (count) expect(found[0]?.message).toBe('六、其他需要报告的事项 未说明是否收取信息处理费（2021年版格式要求在此报告）');
  });
});

describe('numbers in the prose', () => {
  const tables = { 'requests.new.natural': '90', 'requests.new.business': '5', 'requests.carried_in.natural': '2', 'appeals.count.review_upheld': '1' };

  it.each<[string, string[]]>([
    ['共受理政府信息公开申请17件。', ['一、总体情况 中写有“共受理政府信息公开申请17件”，与三、收到和处理政府信息公开申请情况表中的申请数量（95）不一致']],
    ['共受理政府信息公开申请95件。', []],
    ['全年办理政府信息公开申请97件。', []],
    ['收到行政复议申请3件。', ['一、总体情况 中写有“行政复议申请3件”，与四、行政复议总计（1）不一致']],
    ['无行政诉讼。', []],
  ])('%s', (text, messages) => {
    const report = buildReport({ format: 'gov2021', cells: tables, sections: { ...FILLED, 一: text } });
    const found = checkProse(report);
    expect(found.map((f) => f.message)).toEqual(messages);
    for (const f of found) {
      expect(f.cells.length).toBeGreaterThan(0);
      expect(text.slice(f.span?.start, f.span?.end)).toContain(String(f.actual));
    }
  });

  it('is silent while the table is blank', () => {
    expect(checkProse(prose('gov2019', { 一: '共受理政府信息公开申请17件。' }))).toEqual([]);
  });

  function checkProse(report: ReturnType<typeof buildReport>) {
    return findingsOf(report, 'prose.');
  }
});

describe('五 without measures', () => {
  it.each<[string, number]>([
    ['存在公开内容不够全面的问题。下一步将加强培训。', 0],
    ['针对上述问题，已完成整改。', 0],
    ['存在公开内容不够全面、更新不及时的问题。', 1],
    ['无', 0],
  ])('%s → %i', (text, count) => {
    expect(findingsOf(prose('gov2021', { 五: text }), 'narrative.measures')).toHaveLength(count);
  });
});

describe('text repeated from last year', () => {
  const lastSections = { 一: '我镇高度重视政务公开工作。全年主动公开信息二百条。', 五: '问题是培训不足。下一步将加强培训。' };

  // Copied: 13 + 8 + 9 of 13 + 12 + 8 + 9 + 2 characters = 68%.
  it.each<[string, Partial<Record<SectionKey, string>>, string[]]>([
    ['mostly copied', { 一: '我镇高度重视政务公开工作。全年主动公开信息三百条。', 五: '问题是培训不足。下一步将加强培训。', 六: '无。' }, ['正文有 68% 的文字与上年报告逐句相同，请根据本年度工作情况更新']],
    ['rewritten', { 一: '本年度我镇新建公开专栏。', 五: '问题是专栏更新慢。下一步将明确责任人。', 六: '无。' }, []],
  ])('%s', (_name, sections, messages) => {
    const report = buildReport({
      format: 'gov2021',
      year: 2024,
      sections: { ...FILLED, ...sections },
      lastYear: { format: 'gov2021', year: 2023, organ: '测试镇人民政府', values: {}, sections: lastSections },
    });
    expect(findingsOf(report, 'narrative.copied').map((f) => f.message)).toEqual(messages);
  });
});

describe('carried prose, per paragraph', () => {
  const last = ['我镇高度重视政务公开工作，成立了领导小组。', '全年主动公开政府信息三百余条，及时更新专栏。', '无。', '建立健全了信息发布审核机制。'].join('\n');
  const cases: [string, string, string[], { start: number; end: number } | undefined][] = [
    ['all four paragraphs untouched (the short 无。 is never marked)', last, ['一、总体情况 第1、2、4段仍是上年报告的文字，尚未修改'], { start: 0, end: 21 }],
    [
      'four characters changed in the first: only it is unmarked',
      last.replace('高度重视', '始终重视'),
      ['一、总体情况 第2、4段仍是上年报告的文字，尚未修改'],
      { start: 22, end: 44 },
    ],
    ['spacing and blank lines do not count as an edit', `  ${last.split('\n')[1]}\n\n`, ['一、总体情况 第1段仍是上年报告的文字，尚未修改'], { start: 0, end: 24 }],
    ['rewritten', '我镇新建公开专栏，全年更新信息五百条。', [], undefined],
  ];
  it.each(cases)('%s', (_name, text, messages, span) => {
    const report = buildReport({
      format: 'gov2021',
      year: 2024,
      sections: { ...FILLED, 一: text },
      lastYear: { format: 'gov2021', year: 2023, organ: '测试镇人民政府', values: {}, sections: { 一: last } },
    });
    const found = findingsOf(report, 'narrative.carried');
    expect(found.map((f) => f.message)).toEqual(messages);
    expect(found[0]?.span).toEqual(span);
  });

  it('marks the preface against last year’s preface', () => {
    const report = buildReport({
      format: 'gov2021',
      year: 2024,
      sections: FILLED,
      lastYear: { format: 'gov2021', year: 2023, organ: '测试镇人民政府', values: {}, sections: {}, preface: '本报告根据《中华人民共和国政府信息公开条例》编制。' },
    });
    report.preface = { text: '本报告根据《中华人民共和国政府信息公开条例》编制。', source: 'typed' };
    expect(findingsOf(report, 'narrative.carried').map((f) => f.message)).toEqual(['前言 第1段仍是上年报告的文字，尚未修改']);
  });
});
