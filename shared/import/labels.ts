/**
 * Tolerant comparison of printed labels with the labels a format declares.
 *
 * Published reports differ from the official wording in width (（一） vs
 * (一)), numbering (1. vs 1、), spaces inside labels (商业 企业), line breaks
 * inside cells and one- to three-character typos (其他法律行政止公开). Labels are
 * reduced to their letters and digits, then compared by edit distance.
 */

/** Letters and digits only: NFKC folds full-width forms, then spaces and punctuation go. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** How many edits a label of this (normalized) length tolerates: none up to 3 characters. */
export function tolerance(length: number): number {
  return Math.floor(length / 4);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export interface LabelCandidate<T> {
  /** Normalized label. */
  key: string;
  value: T;
}

/**
 * The candidate whose label is nearest to `text`, within tolerance of the
 * candidate's length; undefined when none is close enough or two different
 * values are equally close (a guess would be silent).
 */
export function bestMatch<T>(text: string, candidates: readonly LabelCandidate<T>[]): { value: T; distance: number } | undefined {
  const key = normalizeLabel(text);
  if (key === '') return undefined;
  let best: { value: T; distance: number } | undefined;
  let tied = false;
  for (const candidate of candidates) {
    const limit = tolerance(candidate.key.length);
    const distance = editDistance(key, candidate.key, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance) {
      best = { value: candidate.value, distance };
      tied = false;
    } else if (distance === best.distance && candidate.value !== best.value) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}
