/**
 * Organ names as a county office compares them: the same unit is written
 * 中共某县委办公室 on one list and 县委办 on another, 某镇人民政府 in its
 * report and 某镇 on the roster. NFKC and these strippings are for comparing
 * only; names are always shown as written.
 */

/** Wording that says what kind of body it is, not which one: dropped to compare. */
const PREFIXES = ['中国共产党', '中共'];
// Longer wording first: 管理委员会 must not lose only its 委员会.
const SUFFIXES = ['管理委员会', '人民政府', '委员会', '管委会', '办事处', '办公室', '政府'];

/** Exact comparison: NFKC (full-width letters, digits and brackets), no spaces, one kind of bracket. */
export function sameNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[（【[]/gu, '(')
    .replace(/[）】\]]/gu, ')');
}

/** The distinctive part: brackets, 中共 and trailing 人民政府/办公室-type wording removed. */
export function coreNameKey(name: string): string {
  let key = sameNameKey(name).replace(/[()]/gu, '');
  for (const prefix of PREFIXES) if (key.startsWith(prefix) && key.length > prefix.length) key = key.slice(prefix.length);
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of SUFFIXES) {
      if (key.endsWith(suffix) && key.length > suffix.length + 1) {
        key = key.slice(0, -suffix.length);
        stripped = true;
      }
    }
  }
  return key;
}
