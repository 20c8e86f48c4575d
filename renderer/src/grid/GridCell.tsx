/**
 * One value cell. It subscribes to its own view (entry, computed total and
 * mark) only, so a keystroke re-renders this cell and the cells whose
 * numbers or marks actually changed. Spreadsheet keys: arrows, Tab, Enter move;
 * typing replaces (the content is selected on arrival); Escape cancels;
 * Delete clears. A Chinese input method's composition is kept local until it
 * ends, so pinyin never reaches the report.
 */
import { memo, useContext, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { formatIndex } from '../../../shared/formats/index.ts';
import { formatCellNumber } from '../../../shared/model/parseCellValue.ts';
import type { CellEntry } from '../../../shared/model/report.ts';
import { useImeDraft } from '../components/useImeDraft.ts';
import { useActions, useEditor } from '../store/context.tsx';
import { cellView } from '../store/derive.ts';
import { parseClipboardBlock } from './clipboard.ts';
import { GridContext } from './gridContext.ts';
import { moveFrom, placeBlock, type Move } from './gridModel.ts';

export function cellDomId(id: string): string {
  return `cell-${id}`;
}

const PROVENANCE_LABEL: Record<string, string> = {
  typed: '',
  imported: '导入的数值',
  carried: '上年结转',
  override: '手工改写的合计',
  computed: '自动计算的合计',
};

/** Focuses a cell with its content selected, so typing replaces it. */
export function focusCell(id: string | undefined, options: { scroll?: boolean } = {}): boolean {
  if (!id) return false;
  const input = document.getElementById(cellDomId(id));
  if (!(input instanceof HTMLInputElement)) return false;
  if (options.scroll) input.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  input.focus();
  input.select();
  return true;
}

function wholeSelected(input: HTMLInputElement): boolean {
  return input.selectionStart === 0 && input.selectionEnd === input.value.length;
}

export const GridCell = memo(function GridCell({ id }: { id: string }) {
  const grid = useContext(GridContext);
  const actions = useActions();
  const view = useEditor((s) => (s.report ? cellView(s.report, id) : undefined));

  const { draft, discardDraft, handlers } = useImeDraft<HTMLInputElement>((value) => actions.typeCell(id, value));
  const [overriding, setOverriding] = useState(false);
  const [focused, setFocused] = useState(false);
  const before = useRef<CellEntry | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  if (!grid) return null;
  const info = formatIndex(grid.format).cellById.get(id);
  if (!info) return null;
  const entry = view?.entry;
  const computed = view?.computed;
  const { severity, message, acknowledged } = view?.mark ?? {};
  const isTotal = info.computedBy !== undefined;
  const provenance = entry ? entry.source : isTotal ? 'computed' : 'typed';
  const shown = draft ?? entry?.raw ?? (isTotal && computed !== undefined && computed !== null ? formatCellNumber(computed) : '');
  const readOnly = isTotal && !entry && !overriding;

  const move = (where: Move): boolean => {
    actions.endTyping();
    return focusCell(moveFrom(grid, id, where));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const target = event.currentTarget;
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        event.preventDefault();
        move(event.key === 'ArrowUp' ? 'up' : 'down');
        return;
      case 'ArrowLeft':
        if (wholeSelected(target) || target.selectionEnd === 0) {
          event.preventDefault();
          move('left');
        }
        return;
      case 'ArrowRight':
        if (wholeSelected(target) || target.selectionStart === target.value.length) {
          event.preventDefault();
          move('right');
        }
        return;
      case 'Tab':
        // At the grid's edge Tab leaves the grid as usual.
        if (move(event.shiftKey ? 'previous' : 'next')) event.preventDefault();
        return;
      case 'Enter':
        event.preventDefault();
        setOverriding(false);
        move(event.shiftKey ? 'up' : 'down');
        return;
      case 'Escape':
        event.preventDefault();
        discardDraft();
        setOverriding(false);
        actions.cancelCell(id, before.current);
        requestAnimationFrame(() => input.current?.select());
        return;
      case 'F2':
        event.preventDefault();
        if (isTotal) setOverriding(true);
        target.setSelectionRange(target.value.length, target.value.length);
        return;
      case 'Delete':
      case 'Backspace':
        if (readOnly) {
          event.preventDefault();
        } else if (isTotal && entry && wholeSelected(target)) {
          // Clearing an override gives the total back to the computation.
          event.preventDefault();
          actions.clearCell(id);
        }
        return;
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const block = parseClipboardBlock(event.clipboardData.getData('text/plain'));
    if (!block) return;
    event.preventDefault();
    const placed = placeBlock(grid, id, block.rows);
    actions.pasteCells(placed.assignments);
    const left = placed.clipped + block.dropped;
    actions.notify({
      tone: left > 0 ? 'error' : 'success',
      text: `已粘贴 ${placed.assignments.size} 个单元格${left > 0 ? `；超出表格的 ${left} 个数值未粘贴` : ''}。`,
    });
  };

  const classes = ['cell', `prov-${provenance}`];
  if (severity) classes.push(acknowledged ? 'mark-ack' : `mark-${severity}`);
  if (entry?.confirm) classes.push('needs-confirm');
  const hint = [message, entry?.confirm, PROVENANCE_LABEL[provenance]].filter(Boolean).join('\n');
  const tipId = `${cellDomId(id)}-tip`;

  return (
    // A form of its own, never submitted: on every keystroke Chromium's autofill
    // re-reads all inputs that have no form (5 ms for the 175 of 三), but only
    // the typed input's form when it has one.
    <form className="cell-wrap" onSubmit={(event) => event.preventDefault()}>
      <input
        ref={input}
        id={cellDomId(id)}
        className={classes.join(' ')}
        aria-label={info.label}
        aria-invalid={severity === 'error' && !acknowledged ? true : undefined}
        aria-describedby={message ? tipId : undefined}
        aria-readonly={readOnly || undefined}
        data-cell={id}
        data-provenance={provenance}
        inputMode={readOnly ? 'none' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        readOnly={readOnly}
        title={hint || undefined}
        value={shown}
        onFocus={(event) => {
          before.current = entry;
          setFocused(true);
          event.currentTarget.select();
        }}
        onBlur={() => {
          setFocused(false);
          setOverriding(false);
          actions.endTyping();
        }}
        onDoubleClick={() => isTotal && setOverriding(true)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        {...handlers}
      />
      {message && (
        <span id={tipId} role="tooltip" className={focused ? 'cell-tip visible' : 'cell-tip'}>
          {message}
        </span>
      )}
    </form>
  );
});
