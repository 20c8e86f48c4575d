/** The exporters: report in, bytes or text out. */
export { exportDocx, type DocxLayoutName, type DocxOptions } from './docx.ts';
export { exportHtml, type HtmlOptions } from './html.ts';
export { exportText, type TextOptions } from './text.ts';
export { layoutReport, type FindingNote, type LayoutOptions, type ReportLayout, type TableLayout } from './layout.ts';
