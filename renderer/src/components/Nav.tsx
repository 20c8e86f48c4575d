/**
 * The six sections (and 基本信息) with live counts of open errors and
 * warnings. Folded, it is a strip of the sections' numerals with their counts.
 */
import { memo } from 'react';
import { getFormat } from '../../../shared/formats/index.ts';
import { useActions, useEditor } from '../store/context.tsx';
import { CompareNavItem } from '../compare/CompareNavItem.tsx';
import { derive, type FindingPage } from '../store/derive.ts';
import { usePanel } from '../view/panels.ts';
import { PanelToggle } from './PanelToggle.tsx';

const NavItem = memo(function NavItem({ page, label, short, folded }: { page: FindingPage; label: string; short: string; folded: boolean }) {
  const actions = useActions();
  const current = useEditor((s) => s.page === page);
  const errors = useEditor((s) => (s.report ? derive(s.report).counts[page].errors : 0));
  const warnings = useEditor((s) => (s.report ? derive(s.report).counts[page].warnings : 0));
  const summary = [errors > 0 ? `${errors} 个错误` : '', warnings > 0 ? `${warnings} 个提示` : ''].filter(Boolean).join('，');
  return (
    <li>
      <button
        type="button"
        className={current ? 'nav-item current' : 'nav-item'}
        aria-current={current ? 'page' : undefined}
        aria-label={summary ? `${label}（${summary}）` : label}
        title={folded ? label : undefined}
        onClick={() => actions.showPage(page)}
      >
        <span className="nav-label">{folded ? short : label}</span>
        {errors > 0 && <span className="badge error">{errors}</span>}
        {warnings > 0 && <span className="badge warning">{warnings}</span>}
      </button>
    </li>
  );
});

export function Nav() {
  const format = useEditor((s) => s.report?.format);
  const [folded, setFolded] = usePanel('nav');
  if (!format) return null;
  return (
    <nav className={folded ? 'nav collapsed' : 'nav'} aria-label="报告章节">
      <PanelToggle folded={folded} onToggle={setFolded} controls="nav-sections" name="章节列表" side="left" />
      <ul id="nav-sections">
        <NavItem page="info" label="基本信息" short="基本" folded={folded} />
        {getFormat(format).sections.map((section) => (
          <NavItem key={section.key} page={section.key} label={`${section.key}、${section.title}`} short={section.key} folded={folded} />
        ))}
        <CompareNavItem folded={folded} />
      </ul>
    </nav>
  );
}
