/**
 * Thresholds for an unusual change against last year, per format: reviewers
 * ask about a 现行有效 count that triples in a year, or requests that vanish.
 * The cells are those whose meaning makes a large swing implausible: stocks of
 * documents, the request and appeal counts. 二（五）（六） decision counts are
 * left out: they follow licensing and enforcement reforms and swing by a
 * factor of ten in published reports.
 */
import type { CellRef, FormatId } from './types.ts';

export interface JumpRule {
  id: string;
  cells: CellRef[];
  /** Last and this year both above zero: a finding when one is at least this many times the other. */
  factor: number;
  /** No finding for a change smaller than this (also the "many" of 0 → many and many → 0). */
  minChange: number;
  /** What kind of figure the cells are, for the message. */
  describe: string;
}

const REQUEST_COUNTS: JumpRule = {
  id: 'jump.requests',
  cells: ['requests.new.total', 'requests.results_total.total'],
  factor: 5,
  minChange: 100,
  describe: '申请数量',
};

const APPEAL_COUNTS: JumpRule = {
  id: 'jump.appeals',
  cells: ['appeals.count.review_total', 'appeals.count.suit_direct_total', 'appeals.count.suit_after_review_total'],
  factor: 5,
  minChange: 20,
  describe: '复议、诉讼数量',
};

const stock = (column: string): JumpRule => ({
  id: 'jump.document_stock',
  cells: ['regulations', 'normative_docs'].map((row) => `art20_1.${row}.${column}`),
  factor: 3,
  minChange: 20,
  describe: '文件存量',
});

/** By format id; a format with no entry has no jump rules. */
export const JUMP_RULES: Readonly<Partial<Record<FormatId, readonly JumpRule[]>>> = {
  gov2019: [stock('total_published'), REQUEST_COUNTS, APPEAL_COUNTS],
  gov2021: [stock('in_force'), REQUEST_COUNTS, APPEAL_COUNTS],
};
