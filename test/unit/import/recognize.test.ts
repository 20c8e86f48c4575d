import { describe, expect, it } from 'vitest';
import { FORMATS, formatIndex, getFormat, type FormatId, type TableDef } from '../../../shared/formats/index.ts';
import { parseCellValue } from '../../../shared/model/parseCellValue.ts';
import { recognizeReport } from '../../../shared/import/recognize.ts';
import { importText, textToBlocks } from '../../../shared/import/text.ts';
import { ImportError, type Block, type ImportResult } from '../../../shared/import/types.ts';

/** One table row in the pasted-text shape: a TAB line per cell, an empty line after. */
function row(cells: string[]): string {
  return `${cells.map((c) => `\t${c}`).join('\n')}\n\n`;
}

interface RenderOptions {
  title?: string[];
  headings?: Partial<Record<string, string>>;
  /** Replace the printed label cells of a row (by row id) or drop the row (null). */
  rowCells?: Record<string, string[] | null>;
  /** Extra rows appended to the requests table. */
  extraRequestRows?: string[][];
}

/**
 * A whole report in the shape of the published samples, for a format laid
 * out as its definition says, with `value(cellId)` in every cell.
 */
function render(formatId: FormatId, year: number, value: (cell: string) => string, options: RenderOptions = {}): string {
  const format = getFormat(formatId);
  const out: string[] = [...(options.title ?? ['测试镇人民政府', `${year}年政府信息公开工作年度报告`]), '本报告根据《条例》编制。'];
  const dataRow = (table: TableDef, rowId: string, labels: string[]): void => {
    const custom = options.rowCells?.[rowId];
    if (custom === null) return;
    out.push(row([...(custom ?? labels), ...table.columns.map((c) => value(`${table.id}.${rowId}.${c.id}`))]));
  };
  for (const section of format.sections) {
    out.push(options.headings?.[section.key] ?? `${section.key}、${section.title}`);
    if (section.key === '一') out.push(`${year}年，我镇认真贯彻《条例》。`);
    for (const table of format.tables.filter((t) => t.section === section.key)) {
      if (table.caption) {
        out.push(row([table.caption]), row([table.rowHeader, ...table.columns.map((c) => c.label)]));
        for (const r of table.rows) dataRow(table, r.id, [r.label]);
      } else if (table.id === 'requests') {
        out.push(row([table.note!, '申请人情况']), row(['', '自然人', '法人或其他组织', '总计']));
        out.push(row(['', '', ...table.columns.slice(1, 6).map((c) => c.label), '']));
        let previous: string[] = [];
        for (const r of table.rows) {
          const groups = r.groups ?? [];
          const labels = groups.map((g, i) => (previous[i] === g ? '' : g));
          dataRow(table, r.id, [...labels, r.label]);
          previous = groups;
        }
        for (const extra of options.extraRequestRows ?? []) out.push(row(extra));
      } else {
        out.push(row(['行政复议', '行政诉讼']));
        out.push(row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']));
        out.push(row(['', '', '', '', '', ...table.columns.slice(5).map((c) => c.label)]));
        out.push(row(table.columns.map((c) => value(`${table.id}.count.${c.id}`))));
      }
    }
    if (section.key === '五') out.push('一是公开力度不够。下一步将加强培训。');
    if (section.key === '六') out.push('本年度未收取信息处理费。');
  }
  return out.join('\n');
}

/** A distinct, valid value for every cell, so that a cell read from the wrong place shows. */
function distinctValues(formatId: FormatId): (cell: string) => string {
  const ids = formatIndex(formatId).cells.map((c) => c.id);
  return (cell) => String(ids.indexOf(cell) + 1);
}

function expectCells(result: ImportResult, value: (cell: string) => string, except: string[] = []): void {
  for (const info of formatIndex(result.report.format).cells) {
    if (except.includes(info.id)) {
      expect(result.report.cells[info.id], info.id).toBeUndefined();
      continue;
    }
    expect(result.report.cells[info.id], info.id).toEqual({ raw: value(info.id), source: 'imported' });
  }
}

describe('recognizeReport on complete reports', () => {
  for (const [formatId, year] of [
    ['gov2019', 2020],
    ['gov2021', 2023],
  ] as const) {
    it(`reads every cell, the sections, title and format of a ${formatId} report`, () => {
      const value = distinctValues(formatId);
      const result = importText(render(formatId, year, value));
      const { importReport, report } = result;
      expect(importReport.format).toBe(formatId);
      expect(importReport.year).toBe(year);
      expect(importReport.organ).toBe('测试镇人民政府');
      expect(importReport.warnings).toEqual([]);
      expect(importReport.sectionsFound).toEqual(['一', '二', '三', '四', '五', '六']);
      expect(importReport.tablesMissing).toEqual([]);
      expect(importReport.tablesFound.map((t) => t.table)).toEqual(FORMATS[formatId].tables.map((t) => t.id));
      expect(importReport.cellsRead).toBe(formatIndex(formatId).cells.length);
      expectCells(result, value);
      expect(report.preface.text).toBe('本报告根据《条例》编制。');
      expect(report.sections.一.text).toBe(`${year}年，我镇认真贯彻《条例》。`);
      expect(report.sections.二.text).toBe('');
      expect(report.sections.五.text).toBe('一是公开力度不够。下一步将加强培训。');
      expect(report.sections.六.text).toBe('本年度未收取信息处理费。');
    });
  }
});

describe('headings and title', () => {
  it('tolerates missing, Arabic and odd numerals, variant titles and typos, and says so', () => {
    const value = distinctValues('gov2021');
    const { importReport, report } = importText(
      render('gov2021', 2022, value, {
        headings: {
          一: '1、 总体情况',
          二: '、主动公开政府信息情况',
          三: '三．收到和处理政府信息公开申请情况',
          四: '四、政府信息公开行政法复议、行政诉讼情况',
          五: '五、存在的主要问题及整改措施',
          六: '其他需要报告的事项',
        },
      }),
    );
    expect(importReport.sectionsFound).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(report.sections.五.text).toBe('一是公开力度不够。下一步将加强培训。');
    const numeralWarnings = importReport.warnings.filter((w) => w.startsWith('章节标题'));
    expect(numeralWarnings).toHaveLength(4);
    expect(numeralWarnings[0]).toBe('章节标题“1、 总体情况”序号应使用汉字数字，已按“一、总体情况”识别');
  });

  it.each<[string, string[], string, number]>([
    ['year first', ['2019年上海市人民政府办公厅政府信息公开工作年度报告'], '上海市人民政府办公厅', 2019],
    ['year first, 人民政府 before 信息公开', ['2020年甲县人民政府信息公开工作年度报告'], '甲县人民政府', 2020],
    ['year first in full-width digits', ['２０２３年乙镇人民政府政府信息公开工作年度报告'], '乙镇人民政府', 2023],
    ['organ above, year inside the title', ['宁波市鄞州区行政审批管理办公室', '政府信息公开工作2019年度报告'], '宁波市鄞州区行政审批管理办公室', 2019],
    ['full-width brackets kept as written', ['海工园（寅阳镇）2019年政府信息公开工作年度报告'], '海工园（寅阳镇）', 2019],
    ['full-width brackets kept, organ above', ['海工园（寅阳镇）', '2019年政府信息公开工作年度报告'], '海工园（寅阳镇）', 2019],
  ])('takes the organ from a title: %s', (_what, title, organ, year) => {
    const { importReport, report } = importText(render('gov2019', year, distinctValues('gov2019'), { title }));
    expect(importReport.organ).toBe(organ);
    expect(report.organ).toBe(organ);
    expect(importReport.year).toBe(year);
  });

  it('finds no organ in a year-first title that names none', () => {
    expect(importText(render('gov2021', 2022, distinctValues('gov2021'), { title: ['2022年度政府信息公开工作年度报告'] })).importReport.organ).toBeNull();
  });

  it.each(['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况'])(
    'recognizes the 2019–2020 heading of 四 “%s”',
    (heading) => {
      const { importReport, report } = importText(render('gov2019', 2019, distinctValues('gov2019'), { headings: { 四: heading } }));
      expect(importReport.sectionsFound).toEqual(['一', '二', '三', '四', '五', '六']);
      expect(importReport.warnings.filter((w) => w.startsWith('章节标题'))).toEqual([]);
      expect(report.sections.三.text).not.toContain('行政复议');
    },
  );

  it('reads a duplicated title, the year written as 2023年度 and the organ on the title line', () => {
    const text = render('gov2021', 2023, distinctValues('gov2021'), {
      title: ['沭阳县发展和改革局2023年度政府信息公开年度报告', '沭阳县发展和改革局2023年度政府信息公开年度报告'],
    });
    const { importReport, report } = importText(text);
    expect(importReport.year).toBe(2023);
    expect(importReport.organ).toBe('沭阳县发展和改革局');
    expect(report.preface.text).toBe('本报告根据《条例》编制。');
  });

  it.each([
    // A blank template: no title, only the years of the documents it cites.
    ['no title, years only mentioned in passing', ['依据国办公开办函〔2021〕30号，2021年起施行新格式。2021年格式说明。'], null],
    ['no title, the statistics period stated', ['本报告统计期限自2023年1月1日起至2023年12月31日止。'], 2023],
  ])('the year without a title: %s', (_name, paragraphs, year) => {
    const text = render('gov2021', 2023, () => '', { title: paragraphs });
    const { importReport } = importText(text);
    expect(importReport.year).toBe(year);
  });

  it('does not take numbered paragraphs or sub-headings for section headings', () => {
    const text = render('gov2019', 2019, distinctValues('gov2019')).replace(
      '2019年，我镇认真贯彻《条例》。',
      '（一）总体情况\n1、总体情况良好，制度健全。\n二是主动公开政府信息情况良好。',
    );
    const { report } = importText(text);
    expect(report.sections.一.text).toBe('（一）总体情况\n1、总体情况良好，制度健全。\n二是主动公开政府信息情况良好。');
  });

  it('keeps Word leftovers in the prose and takes a closing date line apart', () => {
    const text = `${render('gov2021', 2024, distinctValues('gov2021')).replace('本年度未收取', '[bookmark: _GoBack]本年度未收取')}\n测试镇人民政府\n2025年1月20日\n`;
    const { report } = importText(text);
    expect(report.sections.六.text).toBe('[bookmark: _GoBack]本年度未收取信息处理费。');
    expect(report.dateLine).toBe('2025年1月20日');
  });
});

describe('format', () => {
  it('reads a 2021 report printed in the 2019 format as laid out, and reports the error', () => {
    const value = distinctValues('gov2019');
    const result = importText(render('gov2019', 2021, value));
    expect(result.importReport.format).toBe('gov2019');
    expect(result.importReport.formatReason).toMatch(/2021年.*2021年版格式.*2019年版格式/);
    expect(result.importReport.warnings.some((w) => w.includes('2021年度报告应使用2021年版格式'))).toBe(true);
    expectCells(result, value);
  });

  it('follows the year when the tables say nothing about the format', () => {
    const text = '测试镇2020年政府信息公开工作年度报告\n一、总体情况\n正文。\n五、存在的主要问题及改进情况\n无。\n';
    const { importReport } = importText(text);
    expect(importReport.format).toBe('gov2019');
    expect(importReport.formatReason).toContain('按报告年度2020年判定为2019年版格式');
    expect(importReport.tablesMissing).toHaveLength(7);
  });
});

describe('table rows', () => {
  it('matches labels with typos, inner spaces, half-width brackets and 1、 numbering', () => {
    const value = distinctValues('gov2021');
    const result = importText(
      render('gov2021', 2023, value, {
        rowCells: {
          granted: ['三、本年度办理结果', '(一) 予以公开'],
          denied_prohibited: ['', '', '2.其他法律行政止公开'],
          rejected_excessive: ['', '', '4.无正当理由大量反复 申请'],
          other_no_correction: ['', '（六）其他处理', '1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
          normative_docs: ['规范性文件'],
        },
      }),
    );
    expect(result.importReport.warnings).toEqual([]);
    expectCells(result, value);
  });

  it('stores the single old （六）其他处理 row of a 2021 report in 3.其他 and warns', () => {
    const value = distinctValues('gov2021');
    const result = importText(
      render('gov2021', 2023, value, {
        rowCells: { other_no_correction: ['', '（六）其他处理'], other_no_fee: null, other_misc: null },
      }),
    );
    const columns = FORMATS.gov2021.tables.find((t) => t.id === 'requests')!.columns;
    for (const c of columns) {
      expect(result.report.cells[`requests.other_misc.${c.id}`]?.raw).toBe(value(`requests.other_no_correction.${c.id}`));
      expect(result.report.cells[`requests.other_no_correction.${c.id}`]).toBeUndefined();
    }
    expect(result.importReport.warnings.some((w) => w.includes('“（六）其他处理”只有一行'))).toBe(true);
  });

  it('leaves out a row with fewer values than columns and says so', () => {
    const value = distinctValues('gov2021');
    const text = render('gov2021', 2023, value).replace(
      row(['三、本年度办理结果', '（一）予以公开', ...['natural', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => value(`requests.granted.${c}`))]),
      row(['三、本年度办理结果', '（一）予以公开', '1', '2', '3', '4', '5', '6']),
    );
    const result = importText(text);
    const granted = formatIndex('gov2021').cells.filter((c) => c.id.startsWith('requests.granted.')).map((c) => c.id);
    expectCells(result, value, granted);
    expect(result.importReport.warnings).toEqual(['三、“（一）予以公开”一行只有 6 个数值（应为 7 个），未导入该行，请核对']);
  });

  it('records blanks, normalized and invalid cells, keeping the raw text', () => {
    const value = (cell: string): string =>
      ({
        'art20_9.procurement.amount': '180000元',
        'art20_9.procurement.projects': '１２',
        'art20_8.fees.change': '无',
        'requests.new.business': '\u00a0',
        'requests.new.natural': '不详',
      })[cell] ?? '0';
    const { report, importReport } = importText(render('gov2019', 2019, value));
    expect(report.cells['art20_9.procurement.amount']).toEqual({ raw: '180000元', source: 'imported' });
    expect(importReport.normalized).toEqual([
      { cell: 'art20_8.fees.change', raw: '无', value: 0, note: '按0读取' },
      { cell: 'art20_9.procurement.projects', raw: '１２', value: 12, note: '全角字符已转为半角' },
      { cell: 'art20_9.procurement.amount', raw: '180000元', value: 18, note: '去掉单位“元”；由元换算为万元' },
    ]);
    expect(report.cells['requests.new.business']).toEqual({ raw: '', source: 'imported' });
    expect(importReport.blankCells).toEqual(['requests.new.business']);
    expect(importReport.invalidCells).toEqual([{ cell: 'requests.new.natural', raw: '不详', message: '“不详”不是数字' }]);
  });

  it('reads a blank form: every cell stored blank, no table missing', () => {
    const result = importText(render('gov2021', 2024, () => ''));
    expect(result.importReport.tablesMissing).toEqual([]);
    expect(result.importReport.blankCells).toHaveLength(formatIndex('gov2021').cells.length);
    expectCells(result, () => '');
  });

  it('warns when an amount header gives the unit as 元, and not for 万元', () => {
    const base = render('gov2019', 2019, distinctValues('gov2019'));
    const header = row(['信息内容', '采购项目数量', '采购总金额']);
    const inYuan = importText(base.replace(header, row(['信息内容', '采购项目数量', '采购总金额（单位：元）'])));
    expect(inYuan.importReport.warnings).toEqual([
      '第二十条第（九）项的“采购总金额”表头注明单位为元，金额按原样导入、未换算为万元，请核对',
    ]);
    const inWan = importText(base.replace(header, row(['信息内容', '采购项目数量', '采购总金额（单位：万元，保留4位小数）'])));
    expect(inWan.importReport.warnings).toEqual([]);
  });

  it('reads Word tables with merged cells: spans skipped, vertical merges repeated as labels', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: '测试镇2023年政府信息公开工作年度报告' },
      { kind: 'paragraph', text: '二、主动公开政府信息情况' },
      {
        kind: 'table',
        rows: [
          [{ text: '第二十条第（五）项' }, ...[1, 2, 3].map(() => ({ text: '第二十条第（五）项', continuation: 'left' as const }))],
          [{ text: '信息内容' }, { text: '本年处理决定数量' }, ...[1, 2].map(() => ({ text: '本年处理决定数量', continuation: 'left' as const }))],
          [{ text: '行政许可' }, { text: '550' }, ...[1, 2].map(() => ({ text: '550', continuation: 'left' as const }))],
        ],
      },
      { kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况' },
      {
        kind: 'table',
        rows: [
          [{ text: '三、本年度办理结果' }, { text: '（三）不予公开' }, { text: '1.属于国家秘密' }, ...'1234567'.split('').map((text) => ({ text }))],
          [
            { text: '三、本年度办理结果', continuation: 'above' },
            { text: '（三）不予公开', continuation: 'above' },
            { text: '2.其他法律行政法规禁止公开' },
            ...'89'.split('').map((text) => ({ text })),
            ...['', '', '', '\u3000', ''].map((text) => ({ text })),
          ],
        ],
      },
    ];
    const { report, importReport } = recognizeReport(blocks, 'docx');
    expect(importReport.source).toBe('docx');
    expect(report.cells['art20_5.licensing.decisions']).toEqual({ raw: '550', source: 'imported' });
    expect(report.cells['requests.denied_state_secret.total']?.raw).toBe('7');
    expect(report.cells['requests.denied_prohibited.business']?.raw).toBe('9');
    expect(report.cells['requests.denied_prohibited.nonprofit']?.raw).toBe('');
  });
});

describe('robustness', () => {
  it('refuses input with nothing report-like in Chinese', () => {
    expect(() => recognizeReport([], 'text')).toThrow(ImportError);
    expect(() => recognizeReport([{ kind: 'paragraph', text: '会议纪要' }], 'docx')).toThrow(/年度报告/);
  });

  it('never throws anything but ImportError on shuffled fragments of real reports', () => {
    const lines = render('gov2021', 2023, distinctValues('gov2021')).split('\n');
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      const picked = Array.from({ length: 1 + random(300) }, () => lines[random(lines.length)]!);
      try {
        const { report } = recognizeReport(textToBlocks(picked.join('\n')), 'text');
        for (const entry of Object.values(report.cells)) expect(typeof entry.raw).toBe('string');
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
      }
    }
  });

  it('imports a 2 MB report in well under a second', () => {
    const value = distinctValues('gov2021');
    const prose = '2023年，我镇认真贯彻《中华人民共和国政府信息公开条例》，不断完善政府信息公开制度，主动公开政府信息。\n\n';
    const base = render('gov2021', 2023, value);
    const text = base.replace('二、主动公开政府信息情况', `${prose.repeat(Math.ceil(2_000_000 / new TextEncoder().encode(prose).length))}二、主动公开政府信息情况`);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(2_000_000);
    const started = performance.now();
    const result = importText(text);
    const elapsed = performance.now() - started;
    expectCells(result, value);
    expect(elapsed).toBeLessThan(1000);
  });

  it('parses every imported cell the way the model will', () => {
    const value = distinctValues('gov2019');
    const { report } = importText(render('gov2019', 2020, value));
    for (const info of formatIndex('gov2019').cells) {
      expect(parseCellValue(report.cells[info.id]!.raw, info.column.kind).status).toBe('number');
    }
  });
});
