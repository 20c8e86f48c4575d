/**
 * A unit's report as the editor lays it out, read-only: the same grids,
 * rendered from the format data by a store of its own (so marks and totals
 * are the unit's), every cell locked. A finding's cell is one click away:
 * goTo on this store focuses it as the editor's findings panel does.
 */
import { useMemo } from 'react';
import { getFormat } from '../../../shared/formats/index.ts';
import type { Report } from '../../../shared/model/report.ts';
import { Grid } from '../grid/Grid.tsx';
import { GridReadOnlyContext } from '../grid/gridContext.ts';
import { sectionGrids } from '../grid/gridModel.ts';
import { SCROLL_ROOT_ATTRIBUTE } from '../grid/reveal.ts';
import { createEditor, EditorProvider, useEditorContext, type Editor } from '../store/context.tsx';

/** A store holding `report`, for grids that show it. */
export function useReportViewer(report: Report): Editor {
  const { api } = useEditorContext();
  return useMemo(() => {
    const viewer = createEditor(api);
    viewer.actions.load(report, { saved: true });
    return viewer;
  }, [api, report]);
}

/** `tablesOnly`: the 汇总, which sums figures and has no prose of its own. */
export function ReadOnlyReport({ viewer, report, tablesOnly = false }: { viewer: Editor; report: Report; tablesOnly?: boolean }) {
  const format = getFormat(report.format);
  return (
    <EditorProvider editor={viewer}>
      <GridReadOnlyContext.Provider value={true}>
        <div className="county-report" {...{ [SCROLL_ROOT_ATTRIBUTE]: '' }}>
          {report.preface.text && <p className="county-prose">{report.preface.text}</p>}
          {format.sections.map((section) => {
            const heading = `${section.key}、${section.title}`;
            const grids = sectionGrids(report.format, section.key);
            const prose = report.sections[section.key].text;
            if (tablesOnly && grids.length === 0) return null;
            return (
              <section key={section.key} className="section-page" aria-label={heading}>
                <h3>{heading}</h3>
                {grids.map((grid, i) => (
                  <Grid key={grid.key} grid={grid} label={grids.length > 1 ? `${heading}（表${i + 1}）` : heading} />
                ))}
                {prose && <p className="county-prose">{prose}</p>}
              </section>
            );
          })}
          {report.dateLine && <p className="county-date">{report.dateLine}</p>}
        </div>
      </GridReadOnlyContext.Provider>
    </EditorProvider>
  );
}
