/**
 * A cheap pass over JSON text before JSON.parse: parsing a hostile file of
 * deeply nested arrays costs tens of times its size before any schema sees
 * it, and keys like __proto__ are better refused than silently dropped.
 * Strings are skipped with indexOf; nothing is allocated but short keys.
 */
export type JsonScanProblem = { kind: 'tooDeep' } | { kind: 'forbiddenKey'; key: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Longer strings cannot spell a forbidden key, even written with \u escapes. */
const MAX_KEY_SCAN = 80;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index of the quote closing the string opened at `open`, or -1 when it is not closed. */
function stringEnd(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

function keyText(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** The first problem found, or undefined; malformed JSON is left for JSON.parse to report. */
export function scanJson(text: string, maxDepth: number, forbiddenKeys: ReadonlySet<string>): JsonScanProblem | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      if (end - i - 1 <= MAX_KEY_SCAN) {
        let next = end + 1;
        while (isSpace(text.charCodeAt(next))) next++;
        const key = text.charCodeAt(next) === 0x3a ? keyText(text.slice(i + 1, end)) : undefined;
        if (key !== undefined && forbiddenKeys.has(key)) return { kind: 'forbiddenKey', key };
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return { kind: 'tooDeep' };
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return undefined;
}
