/**
 * Every finding, grouped by section, each one click away from its cell or
 * sentence. Safe repairs are offered as buttons; warnings can be explained,
 * and the explanation is saved with the report. Folded, the panel is a strip
 * with the counts.
 */
import { memo, useState } from 'react';
import type { Finding, FindingFix } from '../../../shared/checks/index.ts';
import { useActions, useEditor } from '../store/context.tsx';
import { derive, isOpen, listKeys, pageOf, type PageKey } from '../store/derive.ts';
import { usePanel } from '../view/panels.ts';
import { PanelToggle } from './PanelToggle.tsx';

export function fixLabel(fix: FindingFix): string {
  switch (fix.kind) {
    case 'fillZero':
      return fix.cells.length > 1 ? `空格全部填 0（${fix.cells.length} 格）` : '填 0';
    case 'normalize':
    case 'setValue':
      return `改为“${fix.raw}”`;
    case 'useComputed':
      return '使用计算值';
    case 'confirmCarried':
      return '核实无误';
    case 'replaceText':
      return `改为“${fix.to}”`;
  }
}

function Explain({ finding, onDone }: { finding: Finding; onDone: () => void }) {
  const actions = useActions();
  const [text, setText] = useState(finding.acknowledged ?? '');
  const id = `explain-${finding.key}`;
  return (
    <form
      className="explain"
      onSubmit={(event) => {
        event.preventDefault();
        actions.acknowledge(finding.key, text);
        onDone();
      }}
    >
      <label htmlFor={id}>情况说明（随报告保存，可打印成检查说明）</label>
      <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} autoFocus />
      <div className="buttons">
        <button type="submit" disabled={text.trim() === ''}>
          保存说明
        </button>
        <button type="button" onClick={onDone}>
          取消
        </button>
      </div>
    </form>
  );
}

/** Findings are derived anew on every keystroke; an item re-renders only when what it shows changed. */
function sameFinding(a: { finding: Finding }, b: { finding: Finding }): boolean {
  const [x, y] = [a.finding, b.finding];
  return (
    x.key === y.key &&
    x.message === y.message &&
    x.severity === y.severity &&
    x.acknowledged === y.acknowledged &&
    x.cells[0] === y.cells[0] &&
    x.span?.start === y.span?.start &&
    JSON.stringify(x.fix) === JSON.stringify(y.fix)
  );
}

const FindingItem = memo(function FindingItem({ finding }: { finding: Finding }) {
  const actions = useActions();
  const [explaining, setExplaining] = useState(false);
  const open = isOpen(finding);
  const goTo = () => {
    const page = pageOf(finding);
    if (finding.field) actions.goTo({ page, field: finding.field });
    else if (finding.cells[0]) actions.goTo({ page, cell: finding.cells[0] });
    else actions.goTo({ page, narrative: finding.section, ...(finding.span ? { span: finding.span } : {}) });
  };
  return (
    <li className={`finding ${finding.severity}${open ? '' : ' explained'}`} data-rule={finding.rule}>
      <button type="button" className="finding-message" onClick={goTo}>
        <span className="severity">{finding.severity === 'error' ? '错误' : open ? '提示' : '已说明'}</span>
        {finding.message}
      </button>
      {finding.acknowledged && !explaining && <p className="explanation">说明：{finding.acknowledged}</p>}
      {explaining ? (
        <Explain finding={finding} onDone={() => setExplaining(false)} />
      ) : (
        <div className="buttons">
          {finding.fix && (
            <button type="button" onClick={() => finding.fix && actions.applyFix(finding.fix)}>
              {fixLabel(finding.fix)}
            </button>
          )}
          {finding.severity === 'warning' && (
            <button type="button" onClick={() => setExplaining(true)}>
              {open ? '说明原因' : '修改说明'}
            </button>
          )}
          {!open && (
            <button type="button" onClick={() => actions.acknowledge(finding.key, null)}>
              撤销说明
            </button>
          )}
        </div>
      )}
    </li>
  );
}, sameFinding);

function Totals({ errors, warnings }: { errors: number; warnings: number }) {
  return (
    <span className="totals">
      {errors === 0 && warnings === 0 ? (
        <span className="all-clear">全部通过</span>
      ) : (
        <>
          <span className="badge error">{errors} 错误</span>
          <span className="badge warning">{warnings} 提示</span>
        </>
      )}
    </span>
  );
}

export function FindingsPanel() {
  // The derived findings, not the report: loading a rule pack changes them for the same report.
  const derived = useEditor((s) => (s.report ? derive(s.report) : undefined));
  const [showExplained, setShowExplained] = useState(false);
  const [folded, setFolded] = usePanel('findings');
  if (!derived) return null;
  const { findings, total } = derived;
  const toggle = <PanelToggle folded={folded} onToggle={setFolded} controls="findings-panel" name="检查结果" side="right" />;
  if (folded) {
    return (
      <aside className="findings collapsed" aria-label="检查结果" id="findings-panel">
        <div className="findings-head">
          {toggle}
          <button
            type="button"
            className="findings-strip"
            aria-label={`检查结果：${total.errors} 个错误，${total.warnings} 个提示`}
            onClick={() => setFolded(false)}
          >
            <span className="strip-title">检查结果</span>
            {total.errors > 0 && <span className="badge error">{total.errors}</span>}
            {total.warnings > 0 && <span className="badge warning">{total.warnings}</span>}
          </button>
        </div>
      </aside>
    );
  }
  const explained = findings.filter((f) => !isOpen(f)).length;
  const shown = findings.filter((f) => showExplained || isOpen(f));
  const pages: { key: PageKey; title: string }[] = [
    { key: 'info', title: '基本信息' },
    ...derived.values.index.format.sections.map((s) => ({ key: s.key as PageKey, title: `${s.key}、${s.title}` })),
  ];
  return (
    <aside className="findings" aria-label="检查结果" id="findings-panel">
      <div className="findings-head">
        <h2>
          检查结果
          <Totals errors={total.errors} warnings={total.warnings} />
        </h2>
        {toggle}
      </div>
      {explained > 0 && (
        <label className="show-explained">
          <input type="checkbox" checked={showExplained} onChange={(e) => setShowExplained(e.currentTarget.checked)} />
          显示已说明的提示（{explained}）
        </label>
      )}
      {pages.map(({ key, title }) => {
        const items = shown.filter((f) => pageOf(f) === key);
        if (items.length === 0) return null;
        const keys = listKeys(items);
        return (
          <section key={key} aria-label={title}>
            <h3>{title}</h3>
            <ul>
              {items.map((finding, i) => (
                <FindingItem key={keys[i]} finding={finding} />
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
