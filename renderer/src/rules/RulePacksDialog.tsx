/**
 * 设置 → 规则包: load a pack file a city or county office sent, see what it
 * checks, remove it. The file is read in the window (a file input), so the
 * desktop and the browser host behave alike; a bad pack is refused with the
 * pack reader's one Chinese line and changes nothing.
 */
import { useState, type ChangeEvent } from 'react';
import { RulePackError, type PackRule } from '../../../shared/checks/rulePack.ts';
import { Modal } from '../components/Modal.tsx';
import { useEditorContext } from '../store/context.tsx';
import { addPack, removePack, useRulePacks } from './rulePacks.ts';

const SEVERITY: Record<PackRule['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

function ruleText(rule: PackRule): string {
  switch (rule.kind) {
    case 'proseLength':
      return `${rule.section}：不超过 ${rule.max} 字`;
    case 'requiredWords':
      return `${rule.section}：须写明“${rule.words.join('”“')}”${rule.withNumber ? '及其数量' : ''}`;
    case 'equation':
      return `${rule.left.join(' + ')} ${rule.relation} ${rule.right.join(' + ')}`;
    case 'deadline':
      return `落款日期不晚于次年${rule.month}月${rule.day}日`;
  }
}

export function RulePacksDialog() {
  const editor = useEditorContext();
  const packs = useRulePacks();
  const [problem, setProblem] = useState<string | null>(null);
  // The findings of the open report change with the packs: wake its subscribers (not an undo step).
  const refresh = () => editor.store.setState({});

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      addPack(await file.text());
      setProblem(null);
      refresh();
    } catch (error) {
      setProblem(error instanceof RulePackError ? error.message : '无法读取该文件');
    }
  };

  return (
    <Modal title="规则包" onClose={() => editor.actions.openDialog(null)}>
      <p>规则包是市、县政务公开办下发的本地补充要求（JSON 文件）。载入后，检查时一并按其要求检查；重新打开软件后仍然有效。</p>
      {packs.length === 0 && <p>尚未载入规则包。</p>}
      {packs.map((pack) => (
        <section key={pack.name} className="rule-pack" aria-label={pack.name}>
          <h3>{pack.name}</h3>
          <p>
            发布单位：{pack.issuer}；适用年度：{pack.years.from === pack.years.to ? pack.years.from : `${pack.years.from}—${pack.years.to}`}
          </p>
          <ul>
            {pack.rules.map((rule) => (
              <li key={rule.id}>
                [{SEVERITY[rule.severity]}] {rule.message}（{ruleText(rule)}）
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => {
              removePack(pack.name);
              refresh();
            }}
          >
            移除
          </button>
        </section>
      ))}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="buttons">
        <label className="button">
          载入规则包…
          <input type="file" accept=".json,application/json" hidden onChange={(event) => void load(event)} aria-label="载入规则包文件" />
        </label>
        <button type="button" className="primary" onClick={() => editor.actions.openDialog(null)}>
          关闭
        </button>
      </div>
    </Modal>
  );
}
