/**
 * One value cell. It subscribes to its own view (entry, computed total and
 * mark) only, so a keystroke re-renders this cell and the cells whose
 * numbers or marks actually changed.
 *
 * Keys follow a spreadsheet's two modes. A cell arrived at (by key or click)
 * has its content selected: typing replaces it, and every arrow, Tab and
 * Enter ends the edit and moves. F2, a double-click or a click into the
 * focused cell edits in place: ← → Home End move the caret; ↑ ↓ Tab Enter
 * still move. Escape puts back what the cell held; Delete clears. A computed
 * total takes typing only after F2 or a double-click, and says so. A Chinese
 * input method's composition is kept local until it ends, so pinyin never
 * reaches the report.
 */
import { memo, useContext, useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { carriedFrom } from '../../../shared/carryover/startNextYear.ts';
import { formatIndex } from '../../../shared/formats/index.ts';
import { formatCellNumber } from '../../../shared/model/parseCellValue.ts';
import type { CellEntry } from '../../../shared/model/report.ts';
import { useImeDraft } from '../components/useImeDraft.ts';
import { useActions, useEditor } from '../store/context.tsx';
import { cellView } from '../store/derive.ts';
import { parseClipboardBlock } from './clipboard.ts';
import { GridContext, GridReadOnlyContext } from './gridContext.ts';
import { moveFrom, placeBlock, type Move } from './gridModel.ts';
import { revealCell } from './reveal.ts';

export function cellDomId(id: string): string {
  return `cell-${id}`;
}

const PROVENANCE_LABEL: Record<string, string> = {
  typed: '',
  imported: '导入的数值',
  // Carried cells say which of last year's cells they came from (carriedFrom).
  carried: '',
  override: '手工改写的合计',
  computed: '自动计算的合计；按 F2 可改写',
  decisions: '按决定类型汇总（见下方“按决定类型填写”）；直接填写即以所填为准',
};

/** Shown when the clerk types on a computed total. */
export const OVERRIDE_HINT = '合计由系统计算；按 F2 可改写';

/**
 * Focuses a cell with its content selected, so typing replaces it, and
 * scrolls it clear of the grid's sticky header and labels.
 */
export function focusCell(id: string | undefined): boolean {
  if (!id) return false;
  const input = document.getElementById(cellDomId(id));
  if (!(input instanceof HTMLInputElement)) return false;
  input.focus({ preventScroll: true });
  revealCell(input);
  input.select();
  return true;
}

function wholeSelected(input: HTMLInputElement): boolean {
  return input.selectionStart === 0 && input.selectionEnd === input.value.length;
}

/** A key that types a character (not a shortcut). */
function isTyping(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/**
 * A tip that floats over the grid and the page (the browser's top layer),
 * anchored below its cell, or above it where the window ends.
 */
function CellTip({ id, anchor, shown, text }: { id: string; anchor: string; shown: boolean; text: string }) {
  const tip = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const element = tip.current;
    // Browsers without popovers (the component tests' DOM) leave the tip in place.
    if (!element || typeof element.showPopover !== 'function') return;
    const open = element.matches(':popover-open');
    if (shown && !open) element.showPopover();
    else if (!shown && open) element.hidePopover();
  }, [shown]);
  return (
    <span ref={tip} id={id} role="tooltip" popover="manual" className="cell-tip" style={{ positionAnchor: anchor }}>
      {text}
    </span>
  );
}

export const GridCell = memo(function GridCell({ id }: { id: string }) {
  const grid = useContext(GridContext);
  const locked = useContext(GridReadOnlyContext);
  const actions = useActions();
  const view = useEditor((s) => (s.report ? cellView(s.report, id) : undefined));
  const lastFormat = useEditor((s) => s.report?.lastYear?.format);

  const { draft, discardDraft, handlers } = useImeDraft<HTMLInputElement>((value) => actions.typeCell(id, value));
  const [overriding, setOverriding] = useState(false);
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  /** The clerk typed on a computed total: tell how to override it. */
  const [hinting, setHinting] = useState(false);
  /** Editing in place (F2, double-click): ← → move the caret, not the focus. */
  const inPlace = useRef(false);
  /** Whether the cell had the focus when the mouse went down on it. */
  const hadFocus = useRef(false);
  const before = useRef<CellEntry | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  if (!grid) return null;
  const info = formatIndex(grid.format).cellById.get(id);
  if (!info) return null;
  const entry = view?.entry;
  const computed = view?.computed;
  const { severity, message, acknowledged } = view?.mark ?? {};
  const isTotal = info.computedBy !== undefined;
  // A blank input cell with a computed value is a result column of 四 rolled up from the decision types.
  const derived = computed !== undefined && computed !== null;
  const provenance = entry ? entry.source : isTotal ? 'computed' : derived ? 'decisions' : 'typed';
  const shown = draft ?? entry?.raw ?? (derived ? formatCellNumber(computed) : '');
  const readOnly = locked || (isTotal && !entry && !overriding);

  const move = (where: Move, target: HTMLInputElement): boolean => {
    actions.endTyping();
    if (focusCell(moveFrom(grid, id, where))) return true;
    // At the grid's edge the cell keeps the focus with its edit ended: the next digits start afresh.
    inPlace.current = false;
    target.select();
    return false;
  };

  const editInPlace = (target: HTMLInputElement) => {
    if (isTotal && !entry) setOverriding(true);
    setHinting(false);
    inPlace.current = true;
    target.setSelectionRange(target.value.length, target.value.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const target = event.currentTarget;
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        event.preventDefault();
        move(event.key === 'ArrowUp' ? 'up' : 'down', target);
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (inPlace.current) return;
        event.preventDefault();
        move(event.key === 'ArrowLeft' ? 'left' : 'right', target);
        return;
      case 'Tab':
        // At the grid's edge Tab leaves the grid as usual.
        if (move(event.shiftKey ? 'previous' : 'next', target)) event.preventDefault();
        return;
      case 'Enter':
        event.preventDefault();
        setOverriding(false);
        move(event.shiftKey ? 'up' : 'down', target);
        return;
      case 'Escape':
        event.preventDefault();
        discardDraft();
        setOverriding(false);
        setHinting(false);
        inPlace.current = false;
        actions.cancelCell(id, before.current);
        requestAnimationFrame(() => input.current?.select());
        return;
      case 'F2':
        // As in a spreadsheet, F2 switches between editing in place and moving.
        event.preventDefault();
        if (inPlace.current) inPlace.current = false;
        else editInPlace(target);
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
      default:
        if (readOnly && !locked && isTyping(event)) setHinting(true);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    if (locked) return event.preventDefault();
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
  const origin = provenance === 'carried' ? carriedFrom(grid.format, lastFormat, id) : PROVENANCE_LABEL[provenance];
  const hint = [message, entry?.confirm, origin].filter(Boolean).join('\n');
  const tipId = `${cellDomId(id)}-tip`;
  const tip = hinting ? OVERRIDE_HINT : message;
  const anchor = `--${cellDomId(id).replace(/[^\w-]/g, '-')}`;

  return (
    // A form of its own, never submitted: on every keystroke Chromium's autofill
    // re-reads all inputs that have no form (5 ms for the 175 of 三), but only
    // the typed input's form when it has one.
    <form
      className="cell-wrap"
      onSubmit={(event) => event.preventDefault()}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <input
        ref={input}
        id={cellDomId(id)}
        className={classes.join(' ')}
        aria-label={info.label}
        aria-invalid={severity === 'error' && !acknowledged ? true : undefined}
        aria-describedby={tip ? tipId : undefined}
        aria-readonly={readOnly || undefined}
        data-cell={id}
        data-provenance={provenance}
        inputMode={readOnly ? 'none' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        readOnly={readOnly}
        title={hint || undefined}
        value={shown}
        style={tip ? { anchorName: anchor } : undefined}
        onFocus={(event) => {
          before.current = entry;
          inPlace.current = false;
          setFocused(true);
          event.currentTarget.select();
        }}
        onBlur={() => {
          setFocused(false);
          setOverriding(false);
          setHinting(false);
          actions.endTyping();
        }}
        onMouseDown={(event) => {
          hadFocus.current = document.activeElement === event.currentTarget;
        }}
        onMouseUp={(event) => {
          // The click that arrives keeps the content selected; a click into the focused cell places the caret.
          if (hadFocus.current) {
            inPlace.current = true;
          } else {
            event.preventDefault();
            event.currentTarget.select();
          }
        }}
        onDoubleClick={(event) => editInPlace(event.currentTarget)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        {...handlers}
      />
      {tip && <CellTip id={tipId} anchor={anchor} shown={focused || hovered} text={tip} />}
    </form>
  );
});
