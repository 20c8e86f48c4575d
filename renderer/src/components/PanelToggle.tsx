/** The « / » button that folds a side panel to a strip and opens it again. */
export function PanelToggle({ folded, onToggle, controls, name, side }: {
  folded: boolean;
  onToggle: (folded: boolean) => void;
  /** The id of what it folds. */
  controls: string;
  /** What the panel is called, e.g. 章节列表. */
  name: string;
  /** The window edge the panel folds towards. */
  side: 'left' | 'right';
}) {
  const label = `${folded ? '展开' : '收起'}${name}`;
  const towardsEdge = side === 'left' ? '«' : '»';
  const awayFromEdge = side === 'left' ? '»' : '«';
  return (
    <button
      type="button"
      className="panel-toggle"
      aria-expanded={!folded}
      aria-controls={controls}
      aria-label={label}
      title={label}
      onClick={() => onToggle(!folded)}
    >
      {folded ? awayFromEdge : towardsEdge}
    </button>
  );
}
