import { createContext } from 'react';
import type { GridModel } from './gridModel.ts';

/** The grid a cell belongs to, for moving and pasting; stable per format. */
export const GridContext = createContext<GridModel | null>(null);

/** Grids showing a report that is not the clerk's to edit (汇总与审核): every cell read-only, no paste. */
export const GridReadOnlyContext = createContext(false);
