/** `check --rules PACK.json`: a local rule pack read from disk, refused in one Chinese line when bad. */
import { MAX_RULE_PACK_BYTES, RulePackError, parseRulePack, rulePackRules } from '../../shared/checks/rulePack.ts';
import type { ExtraRules } from '../../shared/checks/types.ts';
import { tryDecode } from '../../shared/platform.ts';
import { FileError } from '../services/errors.ts';
import { readFileCapped } from '../services/files.ts';

/** The extra rule sets of the pack named by --rules; none without it. */
export async function rulePackOption(path: string | true | undefined): Promise<ExtraRules[]> {
  if (typeof path !== 'string') return [];
  // A pack is UTF-8 JSON; anything else (a Word file, GBK text) is refused as not a pack.
  const text = tryDecode(await readFileCapped(path, MAX_RULE_PACK_BYTES), 'utf-8') ?? '';
  try {
    return rulePackRules([parseRulePack(text)]);
  } catch (error) {
    if (error instanceof RulePackError) throw new FileError(`${path}：${error.message}`);
    throw error;
  }
}
