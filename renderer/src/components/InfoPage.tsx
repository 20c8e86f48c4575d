/** 基本信息: organ and its kind, year and format, the opening paragraph and the date line; arriving focuses the organ. */
import { useEffect, useRef } from 'react';
import { getFormat } from '../../../shared/formats/index.ts';
import { ORGAN_KINDS, defaultOrganKind, reportTitle, type InfoField, type OrganKind } from '../../../shared/model/report.ts';
import { useActions, useEditor } from '../store/context.tsx';
import { useArrivalFocus } from '../view/arrival.ts';
import { NarrativeEditor } from './NarrativeEditor.tsx';

/** How each kind reads, with the deadline it implies (条例 article 49). */
const ORGAN_KIND_LABEL: Record<OrganKind, string> = {
  department: '县级以上人民政府部门（1月31日前发布）',
  government: '县级以上人民政府本级（3月31日前发布）',
  township: '乡镇、街道（按本地规定）',
};

const FIELD_ID: Record<InfoField, string> = { organ: 'organ', organKind: 'organ-kind', dateLine: 'date-line' };

export function InfoPage() {
  const actions = useActions();
  const organ = useEditor((s) => s.report?.organ ?? '');
  const organKind = useEditor((s) => s.report?.organKind);
  const year = useEditor((s) => s.report?.year ?? 0);
  const format = useEditor((s) => s.report?.format);
  const dateLine = useEditor((s) => s.report?.dateLine ?? '');
  const focus = useEditor((s) => (s.focus?.field ? s.focus : null));

  // A finding on a field (未填写机关名称, 落款日期…) takes the clerk to it.
  useEffect(() => {
    if (!focus?.field) return;
    const element = document.getElementById(FIELD_ID[focus.field]);
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  }, [focus]);

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
        <label htmlFor="organ-kind">机关类型</label>
        <select
          id="organ-kind"
          value={organKind ?? ''}
          onChange={(e) => actions.setInfo({ organKind: (e.currentTarget.value || null) as OrganKind | null })}
        >
          <option value="">按名称判断：{ORGAN_KIND_LABEL[defaultOrganKind(organ)]}</option>
          {ORGAN_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ORGAN_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
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
