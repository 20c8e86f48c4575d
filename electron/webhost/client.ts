/**
 * The browser side of the web host: a classic script, served as
 * /__nianbao_bridge.js and loaded before the editor, that defines
 * window.nianbao over fetch. Dialogs become a file name inside the workspace:
 * asked with window.prompt, or answered by a test through
 * window.__nianbaoDialog(request); a question the file side raises mid-call
 * (a save conflict) comes back to be asked, and the call is sent again with
 * the answer. Busy states (onBusy) are the page's own: from the dialog's
 * answer until the call's result arrives. Printing and the title stay in the page; shortcuts are the
 * editor's own (its key handler serves both modes).
 *
 * The run's token arrives in the address fragment (#token=…); it is kept in
 * sessionStorage, which is per tab and per origin (port included), so a
 * reload keeps working, and taken out of the address bar. Closing the tab
 * with unsaved changes asks first, as the desktop window does.
 */
import { BUSY_LABELS, INVOKE_METHODS } from '../../shared/bridge.ts';

export const CLIENT_SCRIPT_PATH = '/__nianbao_bridge.js';
export const API_PREFIX = '/__nianbao/api/';
/** The request header that carries the run's token (lower case, as Node reports headers). */
export const TOKEN_HEADER = 'x-nianbao-token';
const TOKEN_STORAGE_KEY = 'nianbao.token';

// Which methods need a dialog answer, and of what kind.
const DIALOGS: Record<string, 'open' | 'save' | 'unsaved'> = {
  openReport: 'open',
  importLastYear: 'open',
  saveReport: 'save',
  saveReportAs: 'save',
  exportDocx: 'save',
  exportText: 'save',
  exportHtml: 'save',
  askUnsavedChanges: 'unsaved',
  countyChooseFolder: 'open',
  countyOpenRoster: 'open',
  countyExport: 'save',
};

// Which methods are busy work once their dialog is answered, and the label's kind.
const BUSY: Record<string, keyof typeof BUSY_LABELS> = {
  openReport: 'read',
  openRecent: 'read',
  importLastYear: 'read',
  saveReport: 'save',
  saveReportAs: 'save',
  exportDocx: 'export',
  exportText: 'export',
  exportHtml: 'export',
  exportPdf: 'export',
  countyExport: 'export',
};
const NAME_SLOT = '{name}';

export function clientScript(): string {
  const config = JSON.stringify({
    methods: INVOKE_METHODS,
    dialogs: DIALOGS,
    busy: BUSY,
    busyLabels: Object.fromEntries(Object.entries(BUSY_LABELS).map(([kind, label]) => [kind, label(NAME_SLOT)])),
    nameSlot: NAME_SLOT,
    prefix: API_PREFIX,
    tokenHeader: TOKEN_HEADER,
    tokenKey: TOKEN_STORAGE_KEY,
  });
  return `(() => {
  'use strict';
  const config = ${config};
  const listeners = new Set();
  const busyListeners = new Set();
  const fromAddress = /^#token=([0-9a-f]+)$/.exec(location.hash);
  if (fromAddress) {
    sessionStorage.setItem(config.tokenKey, fromAddress[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem(config.tokenKey);
  let dirty = false;
  // The file a report not saved yet was imported from by 打开: 保存 suggests its name.
  let importedFrom = null;
  const EXT = { saveReport: 'nianbao', saveReportAs: 'nianbao', exportDocx: 'docx', exportText: 'txt', exportHtml: 'html' };

  async function answerDialog(method, args) {
    const kind = config.dialogs[method];
    if (!kind || (method === 'saveReport' && typeof args[1] === 'string')) return undefined;
    const report = args[0];
    const suggested = importedFrom && EXT[method] === 'nianbao'
      ? importedFrom.replace(/\\.[^.]*$/, '') + '.nianbao'
      : report && typeof report === 'object' && EXT[method]
        ? String(report.organ || '') + String(report.year || '') + '年政府信息公开工作年度报告.' + EXT[method]
        : '';
    const request = { method, kind, suggested, name: typeof args[0] === 'string' ? args[0] : null };
    if (typeof window.__nianbaoDialog === 'function') return (await window.__nianbaoDialog(request)) ?? null;
    if (kind === 'unsaved') {
      if (window.confirm('是否保存对“' + (request.name || '未命名') + '”的更改？')) return 'save';
      return window.confirm('不保存并放弃更改？') ? 'discard' : 'cancel';
    }
    return window.prompt(kind === 'open' ? '工作区中要打开的文件名：' : '保存到工作区的文件名：', suggested);
  }

  async function askConflict(method, need) {
    const request = { method, kind: 'conflict', suggested: '', name: need.name, conflict: need.conflict };
    if (typeof window.__nianbaoDialog === 'function') return (await window.__nianbaoDialog(request)) ?? 'cancel';
    if (need.conflict === 'changed' && window.confirm('“' + need.name + '”在您打开或上次保存之后已被修改。是否覆盖它？')) return 'overwrite';
    return window.confirm((need.conflict === 'readOnly' ? '“' + need.name + '”是只读文件。' : '') + '是否另存为另一个文件？') ? 'saveAs' : 'cancel';
  }

  function setBusy(busy) {
    for (const listener of busyListeners) listener(busy);
  }

  // The base name of the file the call reads or writes: the dialog's answer, or the path passed.
  function busyLabel(method, args, dialog) {
    const kind = config.busy[method];
    const given = typeof dialog === 'string' ? dialog : typeof args[1] === 'string' ? args[1] : typeof args[0] === 'string' ? args[0] : '';
    let name = given.split(/[\\/]/).pop();
    if (kind === 'save' && !name.toLowerCase().endsWith('.' + EXT[method])) name += '.' + EXT[method];
    return config.busyLabels[kind].replace(config.nameSlot, () => name);
  }

  async function call(method, args) {
    while (args.length > 0 && args[args.length - 1] === undefined) args = args.slice(0, -1);
    if (token === null) return { ok: false, message: '本页面缺少访问口令：请打开启动年报时显示的完整地址。' };
    try {
      const dialog = await answerDialog(method, args);
      const body = dialog === undefined ? { args } : { args, dialog };
      // The file side may ask mid-call (a save conflict, then a file name): answer and call again.
      for (let round = 0; round < 3; round++) {
        // A cancelled dialog leaves nothing to do; a question mid-call is the clerk's time, not work.
        const busy = config.busy[method] !== undefined && body.dialog !== null && body.conflict !== 'cancel';
        if (busy) setBusy({ label: busyLabel(method, args, body.dialog) });
        let result;
        try {
          const response = await fetch(config.prefix + method, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', [config.tokenHeader]: token },
            body: JSON.stringify(body),
          });
          result = await response.json();
        } finally {
          if (busy) setBusy(null);
        }
        const need = result && result.needDialog;
        if (!need) return result;
        if (need.kind === 'conflict') body.conflict = await askConflict(method, need);
        else body.dialog = (await answerDialog('saveReportAs', args)) ?? null;
      }
      return { ok: false, message: '保存失败：发生意外错误。' };
    } catch {
      return { ok: false, message: '无法连接本地服务，请确认服务仍在运行。' };
    }
  }

  const api = {};
  for (const method of config.methods) api[method] = (...args) => call(method, args);
  api.print = async () => {
    window.print();
    return { ok: true, value: null };
  };
  const setDocumentState = api.setDocumentState;
  api.setDocumentState = async (state) => {
    dirty = state.dirty === true;
    importedFrom = state.path ? null : state.importedFrom || null;
    const result = await setDocumentState(state);
    if (result.ok) {
      const unnamed = state.importedFrom ? '未命名（导入自“' + state.importedFrom + '”）' : '未命名';
      const name = state.path ? state.path.split(/[\\\\/]/).pop() : unnamed;
      document.title = (state.dirty ? '● ' : '') + name + (state.year ? ' - ' + state.year + '年度' : '') + ' - 年报';
    }
    return result;
  };
  api.onMenuCommand = (callback) => {
    listeners.add(callback);
    return () => listeners.delete(callback);
  };
  // A browser gives a page no paths of dropped files: the page says to use 选择文件夹 instead.
  api.claimDropped = () => null;
  api.onBusy = (callback) => {
    busyListeners.add(callback);
    return () => busyListeners.delete(callback);
  };
  window.addEventListener('beforeunload', (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  });
  Object.defineProperty(window, 'nianbao', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
