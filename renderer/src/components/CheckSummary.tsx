/** 检查: errors to fix, warnings to fix or explain, or all clear. */
import type { Report } from '../../../shared/model/report.ts';
import { derive, isOpen, listKeys } from '../store/derive.ts';

export function CheckSummary({ report }: { report: Report }) {
  const { findings, total } = derive(report);
  const explained = findings.filter((f) => !isOpen(f)).length;
  // Information (unusual changes against last year) stays in the findings panel: nothing to fix before export.
  const first = findings.filter((f) => isOpen(f) && f.severity !== 'info').slice(0, 8);
  const keys = listKeys(first);
  if (total.errors === 0 && total.warnings === 0) {
    return (
      <p className="check-summary clear" role="status">
        检查全部通过{explained > 0 ? `（${explained} 条提示已说明）` : ''}。
      </p>
    );
  }
  return (
    <div className="check-summary" role="status">
      {total.errors > 0 && <p className="error">有 {total.errors} 个错误，报送前应当修改（如合计不符、勾稽关系不平衡、数值无效）。</p>}
      {total.warnings > 0 && <p className="warning">有 {total.warnings} 条提示，请修改或说明原因。</p>}
      {explained > 0 && <p>{explained} 条提示已说明。</p>}
      <ul className="check-list">
        {first.map((f, i) => (
          <li key={keys[i]} className={f.severity}>
            {f.message}
          </li>
        ))}
      </ul>
      {total.errors + total.warnings > 8 && <p>……其余见右侧“检查结果”。</p>}
    </div>
  );
}
