import { createContext } from 'react';
import type { GridModel } from './gridModel.ts';

/** The grid a cell belongs to, for moving and pasting; stable per format. */
export const GridContext = createContext<GridModel | null>(null);
