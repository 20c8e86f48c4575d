/**
 * The unit open beside the table: its findings by section, each a button
 * that focuses its cell in the read-only report below, and the office's
 * verdict on each.
 */
import type { Finding } from '../../../shared/checks/types.ts';
import type { CountyUnitView } from '../../../shared/countyBridge.ts';
import { getFormat } from '../../../shared/formats/index.ts';
import { listKeys, pageOf, type PageKey } from '../store/derive.ts';
import { useEditorContext, type Editor } from '../store/context.tsx';
import { ReadOnlyReport, useReportViewer } from './ReadOnlyReport.tsx';
import { VerdictControl } from './VerdictControl.tsx';
import { exportCounty } from './countyStore.ts';

const SEVERITY_TEXT: Record<Finding['severity'], string> = { error: '错误', warning: '提示', info: '参考' };

function goToFinding(viewer: Editor, finding: Finding): void {
  const page = pageOf(finding);
  if (finding.field) viewer.actions.goTo({ page, field: finding.field });
  else if (finding.cells[0]) viewer.actions.goTo({ page, cell: finding.cells[0] });
  else viewer.actions.goTo({ page, narrative: finding.section });
}

export function UnitView({ view, onClose }: { view: CountyUnitView; onClose(): void }) {
  const editor = useEditorContext();
  const viewer = useReportViewer(view.report);
  const { report, findings } = view;
  const pages: { key: PageKey; title: string }[] = [
    { key: 'info', title: '基本信息' },
    ...getFormat(report.format).sections.map((s) => ({ key: s.key as PageKey, title: `${s.key}、${s.title}` })),
  ];
  const list = (
    <section className="county-findings" aria-label="检查结果">
      <h3>检查结果（{findings.length === 0 ? '全部通过' : `${findings.length} 条`}）</h3>
      {pages.map(({ key, title }) => {
        const items = findings.filter((f) => pageOf(f) === key);
        if (items.length === 0) return null;
        const keys = listKeys(items);
        return (
          <section key={key} aria-label={title}>
            <h4>{title}</h4>
            <ul>
              {items.map((finding, i) => (
                <li key={keys[i]} className={`finding ${finding.severity}`} data-rule={finding.rule}>
                  <button type="button" className="finding-message" onClick={() => goToFinding(viewer, finding)}>
                    <span className="severity">{SEVERITY_TEXT[finding.severity]}</span>
                    {finding.message}
                  </button>
                  {finding.acknowledged && <p className="explanation">单位说明：{finding.acknowledged}</p>}
                  <VerdictControl file={view.file} finding={finding} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
  return (
    <section className="county-unit" aria-label={`${report.organ}的报告`}>
      <div className="county-unit-head">
        <h2>
          {report.organ || '（未填写机关名称）'} <span className="hint">{report.year}年度 · {view.file}</span>
        </h2>
        <span className="buttons">
          <button type="button" onClick={() => void exportCounty(editor, { kind: 'reply', file: view.file, year: report.year })}>
            生成检查意见…
          </button>
          <button type="button" onClick={onClose}>
            关闭
          </button>
        </span>
      </div>
      {list}
      <ReadOnlyReport viewer={viewer} report={report} />
    </section>
  );
}
