/** How a refusal of a file this app did not write begins; the editor then offers to start from it as a template. */
export const NOT_A_REPORT_FILE = '这不是年报软件保存的文件';

/** How a reader ends a refusal of a file past its caps: too big or too odd to be an annual report. */
export const STOPPED_NOT_A_REPORT = '不像是年度报告，已停止读取。请确认选择的文件是否正确';
