/**
 * The local rule packs the clerk has loaded (设置 → 规则包), remembered
 * between runs in the window's storage (the desktop keeps it in its user
 * data folder, the browser host in the page's origin). Each pack's text is
 * kept as loaded and validated again on start; one that no longer passes
 * (a newer app's schema) is dropped rather than applied half-understood.
 */
import { useSyncExternalStore } from 'react';
import { parseRulePack, rulePackRules, type RulePack } from '../../../shared/checks/rulePack.ts';
import type { ExtraRules } from '../../../shared/checks/types.ts';
import { readPreference, writePreference } from '../view/storage.ts';

const STORAGE_KEY = 'nianbao.rulePacks';
const listeners = new Set<() => void>();

interface Loaded {
  packs: readonly { pack: RulePack; text: string }[];
  rules: readonly ExtraRules[];
  /** Changes whenever the set of packs does: the editor's derived findings are keyed by it. */
  generation: number;
}

let loaded: Loaded | undefined;

function restore(): Loaded {
  let texts: unknown;
  try {
    texts = JSON.parse(readPreference(STORAGE_KEY) ?? '[]');
  } catch {
    texts = [];
  }
  const packs = (Array.isArray(texts) ? texts : []).flatMap((text) => {
    if (typeof text !== 'string') return [];
    try {
      return [{ pack: parseRulePack(text), text }];
    } catch {
      return [];
    }
  });
  return { packs, rules: rulePackRules(packs.map((p) => p.pack)), generation: 0 };
}

function current(): Loaded {
  loaded ??= restore();
  return loaded;
}

function replace(packs: Loaded['packs']): void {
  loaded = { packs, rules: rulePackRules(packs.map((p) => p.pack)), generation: current().generation + 1 };
  writePreference(STORAGE_KEY, JSON.stringify(packs.map((p) => p.text)));
  for (const listener of listeners) listener();
}

export function loadedPacks(): readonly RulePack[] {
  return current().packs.map((p) => p.pack);
}

/** The packs' rule sets, the same array while the packs stay the same. */
export function packRules(): readonly ExtraRules[] {
  return current().rules;
}

export function packGeneration(): number {
  return current().generation;
}

/** Adds a pack from its file's text; a pack of the same name is replaced. Throws RulePackError for a bad pack. */
export function addPack(text: string): RulePack {
  const pack = parseRulePack(text);
  replace([...current().packs.filter((p) => p.pack.name !== pack.name), { pack, text }]);
  return pack;
}

export function removePack(name: string): void {
  replace(current().packs.filter((p) => p.pack.name !== name));
}

/** Called after each change of the packs; returns the unsubscriber. */
export function onPacksChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The loaded packs; the component re-renders when they change. */
export function useRulePacks(): readonly RulePack[] {
  useSyncExternalStore(onPacksChange, packGeneration);
  return loadedPacks();
}
