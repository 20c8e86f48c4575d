/** How a refusal of a file this app did not write begins; the editor then offers to start from it as a template. */
export const NOT_A_REPORT_FILE = '这不是年报软件保存的文件';
