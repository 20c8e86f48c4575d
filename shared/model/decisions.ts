/**
 * 四 entered by decision type (optional): the counts per type and the
 * report's changes to the default mapping, rolled up into the four result
 * columns. A column the clerk typed keeps its figure; the checks compare it.
 */
import { APPEAL_DECISIONS, APPEAL_RESULTS, resultCell, type AppealResult, type DecisionType } from '../formats/appealDecisions.ts';

export interface AppealDecisions {
  /** Count per group (review, suit_direct, suit_after_review) and decision type id. */
  counts: Partial<Record<string, Partial<Record<string, number>>>>;
  /** Where a decision type counts, when the clerk changed it: keyed `${group}.${decision}`. */
  mapping?: Partial<Record<string, AppealResult>>;
}

export function decisionResult(decisions: AppealDecisions | undefined, group: string, decision: DecisionType): AppealResult {
  return decisions?.mapping?.[`${group}.${decision.id}`] ?? decision.rollsUpTo;
}

export interface RolledUpCell {
  cell: string;
  value: number;
  /** The decision types it adds, as stated: 变更 1、撤销/部分撤销 2. */
  parts: { label: string; count: number }[];
}

/** The four result cells of each group that has any count entered, with what they add up. */
export function rollUpDecisions(decisions: AppealDecisions | undefined): RolledUpCell[] {
  if (!decisions) return [];
  const out: RolledUpCell[] = [];
  for (const group of APPEAL_DECISIONS.groups) {
    const counts = decisions.counts[group.id];
    if (!counts || !group.decisions.some((d) => counts[d.id] !== undefined)) continue;
    for (const result of APPEAL_RESULTS) {
      const parts = group.decisions
        .filter((d) => decisionResult(decisions, group.id, d) === result.id && counts[d.id] !== undefined)
        .map((d) => ({ label: d.label, count: counts[d.id] ?? 0 }));
      out.push({ cell: resultCell(group.id, result.id), value: parts.reduce((a, p) => a + p.count, 0), parts });
    }
  }
  return out;
}

/** How a mapping reads for the clerk and the 检查说明 sheet: 结果纠正 = 变更 + 撤销/部分撤销 + …. */
export function mappingText(decisions: AppealDecisions | undefined, groupId: string): string {
  const group = APPEAL_DECISIONS.groups.find((g) => g.id === groupId);
  if (!group) return '';
  return APPEAL_RESULTS.map((result) => {
    const names = group.decisions.filter((d) => decisionResult(decisions, group.id, d) === result.id).map((d) => d.label);
    return `${result.label} = ${names.length > 0 ? names.join(' + ') : '（无）'}`;
  }).join('；');
}
