/** The store's side of the reviewer findings: the citation fix and the organ kind. */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../shared/checks/index.ts';
import { createReport, type Report } from '../../../shared/model/report.ts';
import { createEditorStore, editorActions } from '../../../renderer/src/store/editor.ts';

function editing(report: Report) {
  const store = createEditorStore();
  store.setState({ report });
  return { store, actions: editorActions(store), report: () => store.getState().report! };
}

const withPreface = (text: string): Report => ({ ...createReport({ format: 'gov2021', year: 2025, organ: '某县财政局' }), preface: { text, source: 'imported' } });

describe('the citation fix', () => {
  const text = '本报告根据《年度报告格式》（国办公开办函〔2019〕60号）要求编制。';

  it('replaces the cited notice and the finding goes away', () => {
    const { actions, report } = editing(withPreface(text));
    const finding = checkReport(report()).find((f) => f.rule === 'narrative.citation');
    expect(finding?.fix?.kind).toBe('replaceText');
    if (finding?.fix) actions.applyFix(finding.fix);
    expect(report().preface).toEqual({ text: '本报告根据《年度报告格式》（国办公开办函〔2021〕30号）要求编制。', source: 'typed' });
    expect(checkReport(report()).filter((f) => f.rule === 'narrative.citation')).toEqual([]);
  });

  it('leaves text edited since the check alone', () => {
    const { actions, report } = editing(withPreface(text));
    const fix = checkReport(report()).find((f) => f.rule === 'narrative.citation')?.fix;
    actions.typeNarrative('preface', `前言：${text}`);
    actions.endTyping();
    const before = report();
    if (fix) actions.applyFix(fix);
    expect(report()).toBe(before);
  });
});

describe('the organ kind', () => {
  it('is stored when chosen and removed when left to the name', () => {
    const { actions, report } = editing(createReport({ format: 'gov2021', year: 2025, organ: '某县财政局' }));
    actions.setInfo({ organKind: 'government' });
    expect(report().organKind).toBe('government');
    actions.setInfo({ organKind: null });
    expect(report()).not.toHaveProperty('organKind');
  });
});
