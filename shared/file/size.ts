/**
 * File sizes in messages. A refusal names the file's size and the limit, so
 * the two must never print alike: 50.0 MB against a 50.0 MB limit tells the
 * clerk nothing.
 */

const KB = 1024;
const MB = 1024 * 1024;

function inUnit(bytes: number, decimals: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(decimals)} MB`;
  return `${(bytes / KB).toFixed(decimals)} KB`;
}

/** A size in KB or MB, e.g. 3.2 MB. */
export function formatSize(bytes: number): string {
  return inUnit(bytes, 1);
}

/** The size and the limit with as many decimals as it takes to tell them apart; bytes when nothing else does. */
export function formatSizeAgainst(bytes: number, limit: number): { size: string; limit: string } {
  for (let decimals = 1; decimals <= 3; decimals++) {
    const size = inUnit(bytes, decimals);
    const max = inUnit(limit, decimals);
    if (size !== max) return { size, limit: max };
  }
  return { size: `${bytes} 字节`, limit: `${limit} 字节` };
}

/** 文件太大（52.0 MB，上限 50.0 MB） — the Chinese words of a refusal by size. */
export function tooLargeText(bytes: number, limit: number): string {
  const { size, limit: max } = formatSizeAgainst(bytes, limit);
  return `文件太大（${size}，上限 ${max}）`;
}
