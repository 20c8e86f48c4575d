/**
 * The clerk's view preferences in localStorage. A browser that refuses
 * storage (private mode, a full disk) keeps the choice for this run only.
 */

export function readPreference(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembered; the view still changes.
  }
}
