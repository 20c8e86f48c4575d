/** The dialog the store says is open: recovery, import summary, export, check, carry-over notes. */
import { useState } from 'react';
import type { ImportedReport, RecoveredReport } from '../../../shared/bridge.ts';
import { checkReport } from '../../../shared/checks/index.ts';
import type { CarryOverNote } from '../../../shared/carryover/startNextYear.ts';
import { describeCell, describeTable } from '../../../shared/formats/describe.ts';
import { formatForYear, formatIndex, getFormat } from '../../../shared/formats/index.ts';
import { buttonLabel } from '../../../shared/commands.ts';
import { asksFourDecimals } from '../../../shared/export/layout.ts';
import { runCommand } from '../commands/registry.ts';
import { HelpDialog } from '../help/HelpDialog.tsx';
import { acceptRecovery, declineRecovery, exportReport, startFromLastYear } from '../commands.ts';
import { useActions, useEditor, useEditorContext } from '../store/context.tsx';
import { derive } from '../store/derive.ts';
import type { ExportKind } from '../store/editor.ts';
import { chartImages } from '../compare/rasterize.ts';
import { setChartsAppendix, useChartsAppendix } from '../compare/chartsAppendix.ts';
import { CheckSummary } from './CheckSummary.tsx';
import { Modal } from './Modal.tsx';
import { RulePacksDialog } from '../rules/RulePacksDialog.tsx';
import { defaultReportYear, FIRST_REPORT_YEAR } from './StartPage.tsx';

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false });
}

function RecoverDialog({ recovered }: { recovered: RecoveredReport }) {
  const editor = useEditorContext();
  return (
    // Closing without a choice keeps the copy: it is offered again at the next start.
    <Modal title="恢复未保存的内容" onClose={() => editor.actions.openDialog(null)}>
      <p>
        上次关闭前有未保存的内容（{recovered.name ?? '未命名报告'}，{recovered.report.year} 年度，自动保存于{' '}
        {formatTime(recovered.savedAt)}）。是否恢复？
      </p>
      {recovered.fileChanged && (
        <p className="warning">
          注意：“{recovered.name}”在这些修改之后已被另外保存过（可能是其他人、其他窗口或其他程序）。恢复后保存时会先询问是否覆盖。
        </p>
      )}
      <div className="buttons">
        <button type="button" className="primary" onClick={() => acceptRecovery(editor, recovered)} autoFocus>
          恢复
        </button>
        <button type="button" onClick={() => void declineRecovery(editor, recovered)}>
          放弃这些内容
        </button>
      </div>
    </Modal>
  );
}

const SOURCE_LABEL = { nianbao: '年报文件', docx: 'Word 文件', text: '文本', html: '网页', pdf: 'PDF 文件', doc: 'Word 97-2003 文件' } as const;

/** A year as typed: full-width digits (２０２５) and spaces are fine, as in the cells. */
export function parseYear(text: string): number | null {
  const normalized = text.normalize('NFKC').trim();
  return /^\d{4}$/.test(normalized) ? Number(normalized) : null;
}

/** The years this year's report may be for: after last year's, or (last year unknown) any report year. */
function yearRange(lastYear: number | null): { min: number; max: number } {
  if (lastYear !== null) return { min: lastYear + 1, max: lastYear + 5 };
  return { min: FIRST_REPORT_YEAR + 1, max: defaultReportYear() + 1 };
}

/** What an import recognized, as 导入上年报告 and 打开 of a Word, text or web-page file show it. */
function ImportSummary({ imported, errorsNote }: { imported: ImportedReport; errorsNote: (count: number) => string }) {
  const { importReport: info, report } = imported;
  const lastYear = info.year;
  const errors = checkReport(report).filter((f) => f.severity === 'error');
  const cell = (id: string) => describeCell(info.format, id);
  return (
    <div className="import-summary">
      <p>
        已读取“{imported.name}”（{SOURCE_LABEL[info.source]}）：{info.organ ?? (report.organ || '未识别机关名称')}，
        {lastYear === null ? '年度未能识别' : `${lastYear} 年度`}，{getFormat(report.format).firstYear} 年版格式（{info.formatReason}）。
      </p>
      <ul>
        <li>识别表格 {info.tablesFound.length} 个，读取数值 {info.cellsRead} 个，空白单元格 {info.blankCells.length} 个。</li>
        {info.tablesMissing.length > 0 && (
          <li className="warning">未找到的表格：{info.tablesMissing.map((id) => describeTable(info.format, id)).join('、')}</li>
        )}
        {info.sectionsMissing.length > 0 && <li className="warning">未找到的章节：{info.sectionsMissing.join('、')}</li>}
        {info.normalized.length > 0 && (
          <li>
            已规范化 {info.normalized.length} 个数值：
            {info.normalized
              .slice(0, 5)
              .map((n) => `${cell(n.cell)}“${n.raw}”→ ${n.value}`)
              .join('；')}
            {info.normalized.length > 5 && ' 等'}
          </li>
        )}
        {info.invalidCells.length > 0 && (
          <li className="error">
            无法识别的数值 {info.invalidCells.length} 个：
            {info.invalidCells
              .slice(0, 5)
              .map((c) => `${cell(c.cell)}“${c.raw}”`)
              .join('、')}
          </li>
        )}
        {info.warnings.slice(0, 6).map((w, i) => (
          <li key={i} className="warning">
            {w}
          </li>
        ))}
      </ul>
      {errors.length > 0 && (
        <div className="last-year-findings">
          <p className="error">{errorsNote(errors.length)}</p>
          <ul>
            {errors.slice(0, 6).map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function ImportDialog({ imported }: { imported: ImportedReport }) {
  const editor = useEditorContext();
  const { importReport: info, report } = imported;
  // The file may name no year (a blank provincial template): then it is asked, not guessed.
  const lastYear = info.year;
  const [year, setYear] = useState(lastYear === null ? '' : String(lastYear + 1));
  // Likewise the organ: a blank template names none, and the new report must.
  const organUnknown = report.organ.trim() === '';
  const [organ, setOrgan] = useState('');
  const yearNumber = parseYear(year);
  const range = yearRange(lastYear);
  const yearValid = yearNumber !== null && yearNumber >= range.min && yearNumber <= range.max;
  const start = () => {
    if (yearNumber === null) return;
    const stated = {
      ...(lastYear === null ? { year: yearNumber - 1 } : {}),
      ...(organUnknown && organ.trim() !== '' ? { organ: organ.trim() } : {}),
    };
    const template = Object.keys(stated).length > 0 ? { ...imported, report: { ...report, ...stated } } : imported;
    void startFromLastYear(editor, template, yearNumber);
  };
  return (
    <Modal title="以上年报告为模板新建" onClose={() => editor.actions.openDialog(null)}>
      <ImportSummary imported={imported} errorsNote={(n) => `上年报告本身有 ${n} 处错误（不会被悄悄带入，请在新报告中核对）：`} />
      {lastYear === null && <p className="warning">文件中没有报告年度，无法判断它是哪一年的报告。请填写本次要新建的报告年度（上年报告按其前一年处理）。</p>}
      <div className="field-row">
        <label htmlFor="import-year">本次报告年度</label>
        <input id="import-year" inputMode="numeric" value={year} placeholder="例如 2025" onChange={(e) => setYear(e.currentTarget.value)} />
        {yearValid && <span className="hint">将使用 {getFormat(formatForYear(yearNumber)).firstYear} 年版格式</span>}
      </div>
      {organUnknown && (
        <div className="field-row">
          <label htmlFor="import-organ">机关名称</label>
          <input id="import-organ" value={organ} placeholder="文件中没有机关名称，请填写" onChange={(e) => setOrgan(e.currentTarget.value)} />
        </div>
      )}
      {!yearValid && year.trim() !== '' && (
        <p className="error">
          请填写{lastYear === null ? '' : '上年之后的'}年度（{range.min}—{range.max}）。
        </p>
      )}
      <div className="buttons">
        <button type="button" className="primary" disabled={!yearValid} onClick={start}>
          新建本年度报告
        </button>
        <button type="button" onClick={() => editor.actions.openDialog(null)}>
          取消
        </button>
      </div>
    </Modal>
  );
}

const EXPORT_TITLE: Record<ExportKind, string> = { docx: '导出 Word', text: '导出文本', html: '导出网页' };

/** What each export is for: the web page, not the text, is what goes on the government website. */
const EXPORT_PURPOSE: Partial<Record<ExportKind, string>> = {
  html: '网站发布用：表格带合并单元格，粘贴或上传到政府网站后不会错位。',
  text: '文本用于存档或转给他人核对；在政府网站发布请用“导出网页”（网站发布用）。',
};

function ExportDialog({ format }: { format: ExportKind }) {
  const editor = useEditorContext();
  const report = useEditor((s) => s.report);
  const [layout, setLayout] = useState<'official' | 'compact'>('official');
  const [tables, setTables] = useState<'aligned' | 'tsv'>('aligned');
  const [blankAsZero, setBlankAsZero] = useState(false);
  const [findingsSheet, setFindingsSheet] = useState(false);
  // On where the format's header asks for four decimals.
  const [fourDecimalAmounts, setFourDecimalAmounts] = useState(() => (report ? asksFourDecimals(report.format) : false));
  // 图解 appendix (year over year charts): the session's one choice, shared with 打印.
  const charts = useChartsAppendix();
  if (!report) return null;
  const open = derive(report).total;
  const run = async () =>
    exportReport(
      editor,
      format === 'docx'
        ? { format, options: { layout, blankAsZero, findingsSheet, fourDecimalAmounts, ...(charts ? { chartsAppendix: await chartImages(report) } : {}) } }
        : format === 'text'
          ? { format, options: { tables, blankAsZero, findingsSheet, fourDecimalAmounts } }
          : { format, options: { blankAsZero, findingsSheet, fourDecimalAmounts } },
    );
  return (
    <Modal title={EXPORT_TITLE[format]} onClose={() => editor.actions.openDialog(null)}>
      <CheckSummary report={report} />
      {EXPORT_PURPOSE[format] && <p className="hint">{EXPORT_PURPOSE[format]}</p>}
      <fieldset>
        <legend>选项</legend>
        {format === 'docx' && (
          <div role="radiogroup" aria-label="版式">
            <label>
              <input type="radio" name="layout" checked={layout === 'official'} onChange={() => setLayout('official')} />
              公文版式（GB/T 9704，仿宋三号）
            </label>
            <label>
              <input type="radio" name="layout" checked={layout === 'compact'} onChange={() => setLayout('compact')} />
              紧凑版式（接近省级模板，字号较小）
            </label>
          </div>
        )}
        {format === 'text' && (
          <div role="radiogroup" aria-label="表格形式">
            <label>
              <input type="radio" name="tables" checked={tables === 'aligned'} onChange={() => setTables('aligned')} />
              表格按列对齐（便于阅读）
            </label>
            <label>
              <input type="radio" name="tables" checked={tables === 'tsv'} onChange={() => setTables('tsv')} />
              表格用制表符分隔（便于粘贴到网站或表格软件）
            </label>
          </div>
        )}
        <label>
          <input type="checkbox" checked={blankAsZero} onChange={(e) => setBlankAsZero(e.currentTarget.checked)} />
          空白单元格印为 0
        </label>
        <label>
          <input type="checkbox" checked={fourDecimalAmounts} onChange={(e) => setFourDecimalAmounts(e.currentTarget.checked)} />
          金额保留 4 位小数（如 1.5000 万元）
        </label>
        <label>
          <input type="checkbox" checked={findingsSheet} onChange={(e) => setFindingsSheet(e.currentTarget.checked)} />
          附“检查说明”页（列出已说明的提示）
        </label>
        {format === 'docx' && (
          <label>
            <input type="checkbox" checked={charts} onChange={(e) => setChartsAppendix(e.currentTarget.checked)} />
            附“图解”（主要数据的图表{report.lastYear ? '，与上年对比' : ''}；打印和导出 PDF 时也附上）
          </label>
        )}
      </fieldset>
      {open.errors > 0 && (
        <p className="error">可以先导出供核对，但有错误的报告不宜报送或公开：请修改后再导出一次。</p>
      )}
      <div className="buttons">
        <button type="button" className="primary" onClick={() => void run()} autoFocus>
          {open.errors > 0 ? '仍然导出（供核对）' : '导出'}
        </button>
        <button type="button" onClick={() => editor.actions.openDialog(null)}>
          返回修改
        </button>
      </div>
    </Modal>
  );
}

function CheckDialog() {
  const actions = useActions();
  const report = useEditor((s) => s.report);
  if (!report) return null;
  return (
    <Modal title="检查" onClose={() => actions.openDialog(null)}>
      <CheckSummary report={report} />
      <div className="buttons">
        <button type="button" className="primary" onClick={() => actions.openDialog(null)} autoFocus>
          关闭
        </button>
      </div>
    </Modal>
  );
}

/** The carry-over summary: what was carried, each cell one click away. */
function CarryNotesDialog({ notes }: { notes: CarryOverNote[] }) {
  const actions = useActions();
  const report = useEditor((s) => s.report);
  if (!report) return null;
  const index = formatIndex(report.format);
  const goTo = (id: string) => {
    const info = index.cellById.get(id);
    if (!info) return;
    actions.openDialog(null);
    actions.goTo({ page: info.table.section, cell: id });
  };
  const cellButton = (id: string, text: string) => (
    <button type="button" className="link" onClick={() => goTo(id)}>
      {text}
    </button>
  );
  return (
    <Modal title="上年数据结转说明" onClose={() => actions.openDialog(null)}>
      <ul className="carry-notes">
        {notes.map((note, i) => (
          <li key={i} className={note.kind}>
            {note.kind === 'confirm' && note.cells[0] ? cellButton(note.cells[0], note.message) : note.message}
            {note.kind === 'carried' && (
              <ul>
                {note.cells.map((id) => (
                  <li key={id}>{cellButton(id, `${describeCell(report.format, id)}：${report.cells[id]?.raw ?? ''}`)}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <p className="hint">点击一项即转到该单元格。结转的数值以蓝色标出，请逐项核对。</p>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => actions.openDialog(null)} autoFocus>
          知道了
        </button>
      </div>
    </Modal>
  );
}

/** 打开 was given a Word or text report: it cannot be opened, but it can start this year's report. */
/** 打开 read another kind of report file: what was recognized; the report is new and not saved yet. */
function OpenedImportDialog({ imported }: { imported: ImportedReport }) {
  const editor = useEditorContext();
  return (
    <Modal title="已导入为新报告" onClose={() => editor.actions.openDialog(null)}>
      <ImportSummary imported={imported} errorsNote={(n) => `报告中有 ${n} 处错误，请核对：`} />
      <p>这份报告尚未保存。点“保存”时选择保存位置，将保存为年报文件（.nianbao），原文件不会被改动。</p>
      <div className="buttons">
        <button type="button" className="primary" autoFocus onClick={() => editor.actions.openDialog(null)}>
          确定
        </button>
      </div>
    </Modal>
  );
}

function NotReportFileDialog({ message }: { message: string }) {
  const editor = useEditorContext();
  return (
    <Modal title="无法打开" onClose={() => editor.actions.openDialog(null)}>
      <p>{message}。“打开”可以打开年报文件（.nianbao），以及 Word、WPS、PDF、文本和网页格式的报告。</p>
      <p>
        如果这是上年的报告（Word 文档或文本），可以用它作模板新建本年度报告：点下面的按钮，再选一次这个文件。
      </p>
      <div className="buttons">
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={() => {
            editor.actions.openDialog(null);
            runCommand(editor, 'importLastYear');
          }}
        >
          {buttonLabel('importLastYear')}…
        </button>
        <button type="button" onClick={() => editor.actions.openDialog(null)}>
          取消
        </button>
      </div>
    </Modal>
  );
}

export function Dialogs() {
  const dialog = useEditor((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'recover':
      return <RecoverDialog recovered={dialog.recovered} />;
    case 'import':
      return <ImportDialog imported={dialog.imported} />;
    case 'export':
      return <ExportDialog format={dialog.format} />;
    case 'check':
      return <CheckDialog />;
    case 'carryNotes':
      return <CarryNotesDialog notes={dialog.notes} />;
    case 'openedImport':
      return <OpenedImportDialog imported={dialog.imported} />;
    case 'notReportFile':
      return <NotReportFileDialog message={dialog.message} />;
    case 'help':
      return <HelpDialog />;
    case 'rulePacks':
      return <RulePacksDialog />;
  }
}
