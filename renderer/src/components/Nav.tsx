/** The six sections (and 基本信息) with live counts of open errors and warnings. */
import { memo } from 'react';
import { getFormat } from '../../../shared/formats/index.ts';
import { useActions, useEditor } from '../store/context.tsx';
import { derive, type PageKey } from '../store/derive.ts';

const NavItem = memo(function NavItem({ page, label }: { page: PageKey; label: string }) {
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
        onClick={() => actions.showPage(page)}
      >
        <span className="nav-label">{label}</span>
        {errors > 0 && <span className="badge error">{errors}</span>}
        {warnings > 0 && <span className="badge warning">{warnings}</span>}
      </button>
    </li>
  );
});

export function Nav() {
  const format = useEditor((s) => s.report?.format);
  if (!format) return null;
  return (
    <nav className="nav" aria-label="报告章节">
      <ul>
        <NavItem page="info" label="基本信息" />
        {getFormat(format).sections.map((section) => (
          <NavItem key={section.key} page={section.key} label={`${section.key}、${section.title}`} />
        ))}
      </ul>
    </nav>
  );
}
