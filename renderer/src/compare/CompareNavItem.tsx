/** The section list's entry for the 与上年对比 page. */
import { buttonLabel } from '../../../shared/commands.ts';
import { useActions, useEditor } from '../store/context.tsx';

export function CompareNavItem({ folded }: { folded: boolean }) {
  const actions = useActions();
  const current = useEditor((s) => s.page === 'compare');
  const label = buttonLabel('compare');
  return (
    <li className="nav-compare">
      <button
        type="button"
        className={current ? 'nav-item current' : 'nav-item'}
        aria-current={current ? 'page' : undefined}
        title={folded ? label : undefined}
        onClick={() => actions.showPage('compare')}
      >
        <span className="nav-label">{folded ? '对比' : label}</span>
      </button>
    </li>
  );
}
