/** The office's workspace file in the reports' folder; apart from workspace.ts so the command line's help needs no schema. */
export const WORKSPACE_FILE_NAME = '年报汇总审核.json';
