export * from './formats/index.ts';
export * from './model/report.ts';
export * from './model/parseCellValue.ts';
export * from './model/values.ts';
