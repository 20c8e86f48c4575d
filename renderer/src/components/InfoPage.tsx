/** 基本信息: organ, year and format, the opening paragraph and the date line; arriving focuses the organ. */
import { useRef } from 'react';
import { getFormat } from '../../../shared/formats/index.ts';
import { reportTitle } from '../../../shared/model/report.ts';
import { useActions, useEditor } from '../store/context.tsx';
import { useArrivalFocus } from '../view/arrival.ts';
import { NarrativeEditor } from './NarrativeEditor.tsx';

export function InfoPage() {
  const actions = useActions();
  const organ = useEditor((s) => s.report?.organ ?? '');
  const year = useEditor((s) => s.report?.year ?? 0);
  const format = useEditor((s) => s.report?.format);
  const dateLine = useEditor((s) => s.report?.dateLine ?? '');
  const root = useRef<HTMLElement>(null);
  useArrivalFocus(root);
  if (!format) return null;
  const def = getFormat(format);
  return (
    <section ref={root} className="section-page" aria-labelledby="heading-info">
      <h2 id="heading-info">基本信息</h2>
      <p className="report-title">{reportTitle({ organ: organ || '（机关名称）', year })}</p>
      <div className="field-row">
        <label htmlFor="organ">机关名称</label>
        <input id="organ" value={organ} onChange={(e) => actions.setInfo({ organ: e.currentTarget.value })} onBlur={() => actions.endTyping()} />
      </div>
      <div className="field-row">
        <span className="field-label">报告年度</span>
        <span>
          {year} 年度（{def.firstYear} 年版格式，{def.source}）
        </span>
      </div>
      <NarrativeEditor narrative="preface" label="开头段落（本报告根据……编制）" rows={5} />
      <div className="field-row">
        <label htmlFor="date-line">落款日期</label>
        <input
          id="date-line"
          placeholder={`例如 ${year + 1}年1月20日`}
          value={dateLine}
          onChange={(e) => actions.setInfo({ dateLine: e.currentTarget.value })}
          onBlur={() => actions.endTyping()}
        />
      </div>
    </section>
  );
}
