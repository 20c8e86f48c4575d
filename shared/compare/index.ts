export * from './compare.ts';
export { figuresOf, type YearFigures } from './figures.ts';
export { indicatorValue, indicatorsOf, type IndicatorValue } from './indicators.ts';
export { pairCells, type CellPair, type Pairing } from './pairing.ts';
export { CHARTS, chartCaption, chartHeight, chartSvg, keyCharts, CHART_WIDTH, type ChartModel, type ChartSeries } from './charts.ts';
