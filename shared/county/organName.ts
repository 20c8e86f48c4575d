/**
 * Organ names as a county office compares them: the same unit is written
 * 中共某县委员会 on one list and 中共某县委 on another, 某镇人民政府 in its
 * report and 某镇 on the roster. NFKC and these rewritings are for comparing
 * only; names are always shown as written.
 */

const PREFIXES = ['中国共产党', '中共'];
/** Long and short forms of the same wording, rewritten to the short one. */
const SHORT_FORMS: [RegExp, string][] = [
  [/人民政府/gu, '政府'],
  [/管理委员会/gu, '管委会'],
  [/委员会/gu, '委'],
  [/办公室/gu, '办'],
];
/**
 * Trailing words that say what kind of body a place's own organ is, not which
 * one (某镇 and 某镇政府 are one unit). 办 and 委 are not among them: 县委办 and 县委
 * are two units.
 */
const SUFFIXES = ['政府', '办事处', '管委会'];

/** Exact comparison: NFKC (full-width letters, digits and brackets), no spaces, one kind of bracket. */
export function sameNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[（【[]/gu, '(')
    .replace(/[）】\]]/gu, ')');
}

function core(key: string): string {
  let out = key;
  for (const prefix of PREFIXES) if (out.startsWith(prefix) && out.length > prefix.length) out = out.slice(prefix.length);
  for (const [long, short] of SHORT_FORMS) out = out.replace(long, short);
  for (const suffix of SUFFIXES) {
    // Never down to one character: 县政府 stays whole.
    if (out.endsWith(suffix) && out.length > suffix.length + 1) out = out.slice(0, -suffix.length);
  }
  return out;
}

/** The distinctive part: brackets dropped, 中共 and trailing 人民政府-type wording removed, long forms shortened. */
export function coreNameKey(name: string): string {
  return core(sameNameKey(name).replace(/[()]/gu, ''));
}

/**
 * Every core a name may go by: the whole name, the name without its
 * bracketed part, and the bracketed part — 海工园（寅阳镇） is known as either.
 */
export function nameKeys(name: string): string[] {
  const key = sameNameKey(name);
  const keys = [coreNameKey(name), core(key.replace(/\([^()]*\)/gu, ''))];
  for (const match of key.matchAll(/\(([^()]+)\)/gu)) keys.push(core(match[1]!));
  return [...new Set(keys.filter((k) => k.length >= 2))];
}
