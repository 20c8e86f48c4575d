/** The county office's view of a folder of its units' reports: status lines, roster, 汇总. */
export { coreNameKey, nameKeys, sameNameKey } from './organName.ts';
export { MATCH_RULE_TEXT, checkRoster, matchRoster, parseRoster } from './roster.ts';
export type { MatchRule, MissingUnit, RosterAmbiguity, RosterCheck, RosterMatch, RosterResult, RosterUnit } from './roster.ts';
export { unitStatus } from './status.ts';
export type { UnitStatus, UnitVerdict } from './status.ts';
export { digestUnit } from './unit.ts';
export type { CountyUnit } from './unit.ts';
export { summarize } from './summarize.ts';
export type { ExcludedUnit, Summary, SummaryOptions } from './summarize.ts';
export { WORKSPACE_FILE_NAME, VERDICTS, emptyWorkspace, parseWorkspace, serializeWorkspace, setRoster, setVerdict } from './workspace.ts';
export type { ParsedWorkspace, Verdict, VerdictKind, Workspace } from './workspace.ts';
export { COPY_RUN_CHARS, copiedProseShare, findPreviousYear, normalizeProse } from './copied.ts';
export type { PreviousYear } from './copied.ts';
export { countyWorkbook, SIDE_BY_SIDE_SHEET, UNITS_SHEET } from './workbook.ts';
export type { WorkbookInput } from './workbook.ts';
