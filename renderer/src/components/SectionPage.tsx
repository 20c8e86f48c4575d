/**
 * One section as the format states it: the heading with its numeral, what it
 * should cover, the prose, and its tables. Everything comes from the format
 * definition. Arriving on it focuses its first field.
 */
import { useRef } from 'react';
import { APPEAL_DECISIONS } from '../../../shared/formats/appealDecisions.ts';
import { getFormat } from '../../../shared/formats/index.ts';
import { AppealDecisionsPanel } from './AppealDecisionsPanel.tsx';
import type { SectionKey } from '../../../shared/formats/types.ts';
import { Grid } from '../grid/Grid.tsx';
import { CellLegend } from '../help/CellLegend.tsx';
import { sectionGrids } from '../grid/gridModel.ts';
import { useEditor } from '../store/context.tsx';
import { useArrivalFocus } from '../view/arrival.ts';
import { NarrativeEditor } from './NarrativeEditor.tsx';

export function SectionPage({ section }: { section: SectionKey }) {
  const format = useEditor((s) => s.report?.format);
  const root = useRef<HTMLElement>(null);
  useArrivalFocus(root);
  if (!format) return null;
  const def = getFormat(format).sections.find((s) => s.key === section);
  if (!def) return null;
  const heading = `${def.key}、${def.title}`;
  const grids = sectionGrids(format, section);
  return (
    <section ref={root} className="section-page" aria-labelledby={`heading-${section}`}>
      <h2 id={`heading-${section}`}>{heading}</h2>
      {grids.length === 0 ? (
        <NarrativeEditor narrative={section} label="正文" hint={def.hint} rows={18} />
      ) : (
        <>
          {def.hint && <p className="hint">{def.hint}</p>}
          <CellLegend />
          {grids.map((grid, i) => (
            <Grid key={grid.key} grid={grid} label={grids.length > 1 ? `${heading}（表${i + 1}）` : heading} />
          ))}
          {def.tables.includes(APPEAL_DECISIONS.table) && <AppealDecisionsPanel />}
          <NarrativeEditor
            narrative={section}
            label={def.proseRequired ? '文字说明' : '文字说明（可选）'}
            rows={def.proseRequired ? 10 : 4}
          />
        </>
      )}
    </section>
  );
}
