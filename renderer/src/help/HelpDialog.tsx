/**
 * 帮助 (F1): how to fill the report, what the colours mean, the keys, how to
 * start from last year's report, export and print. Command names, shortcuts
 * and colours come from the registry and the legend, so help cannot drift
 * from what the editor does.
 */
import { buttonLabel, primaryShortcut, shortcutText, type CommandId } from '../../../shared/commands.ts';
import { Modal } from '../components/Modal.tsx';
import { useActions } from '../store/context.tsx';
import { shortcutGroups } from './helpContent.ts';
import { FILL_LEGEND, MARK_LEGEND, type LegendEntry } from './legend.ts';
import './help.css';

/** A command as the clerk finds it: 「保存」（Ctrl+S）. */
function Command({ id }: { id: CommandId }) {
  const shortcut = primaryShortcut(id);
  return (
    <>
      “{buttonLabel(id)}”{shortcut && <>（<kbd>{shortcutText(shortcut)}</kbd>）</>}
    </>
  );
}

function LegendTable({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <table>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.key}>
            <th>
              <span className="legend-swatch" style={entry.swatch} aria-hidden="true" /> {entry.label}
            </th>
            <td>{entry.meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HelpDialog() {
  const actions = useActions();
  return (
    <Modal title="帮助" className="help" onClose={() => actions.openDialog(null)}>
      <h3>怎样填写</h3>
      <ol>
        <li>在“基本信息”中填写机关名称、开头段落和落款日期。</li>
        <li>
          左侧列出报告的六个部分，按顺序逐一填写（<Command id="section1" />至 <Command id="section6" /> 直接转到各部分）。表格中的合计自动计算，不用填写；没有发生的事项填 0。
        </li>
        <li>右侧“检查结果”随时列出错误和提示，点一条即转到相应位置。错误应当修改；提示可以修改，也可以写明原因。</li>
        <li>
          随时 <Command id="save" />。未保存的内容会自动留存，意外关闭后再打开时可以恢复。
        </li>
      </ol>

      <h3>在表格中</h3>
      <p>
        方向键、Tab、回车在单元格之间移动；直接输入即替换原有数值，按 F2 在格内修改；Esc 取消本格的修改；Delete 清空。可从 Excel 或 Word
        表格复制一块数值，在起始单元格 <Command id="paste" />。
      </p>

      <h3>单元格的颜色</h3>
      <LegendTable entries={FILL_LEGEND} />
      <p>检查结果在单元格左侧以竖条标出：</p>
      <LegendTable entries={MARK_LEGEND} />

      <h3>从上年报告开始</h3>
      <p>
        用 <Command id="importLastYear" />
        ，选择上年的报告：年报文件、Word 文档或文本均可。软件读出上年的数值和文字，结转“上年结转”“现行有效件数”等数据（蓝色），上年的文字作为草稿保留，供逐段改写。读入后先显示读到了什么，确认后才新建本年度报告；文件中没有年度时会请你填写。
      </p>

      <h3>导出和打印</h3>
      <p>
        <Command id="exportDocx" /> 按公文版式生成 Word 文档，用于报送和公开；另有 <Command id="exportText" />、<Command id="exportHtml" />、
        <Command id="exportPdf" /> 和 <Command id="print" />。导出前会再列出检查结果：有错误时也可以导出供核对，但不宜报送或公开。
      </p>

      <h3>快捷键</h3>
      <table>
        {shortcutGroups().map((group) => (
          <tbody key={group.title}>
            <tr>
              <th colSpan={2}>
                <strong>{group.title}</strong>
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.id}>
                <th>
                  {row.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' 或 '}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>
                  {row.label}
                  {row.help && `：${row.help}`}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>

      <div className="buttons">
        <button type="button" className="primary" onClick={() => actions.openDialog(null)}>
          关闭
        </button>
      </div>
    </Modal>
  );
}
