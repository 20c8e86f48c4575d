/**
 * The bridge as the page sees it: window.nianbao, put there by Electron's
 * preload or by the browser-mode host's client script.
 */
import type { NianbaoApi } from '../../shared/bridge.ts';

declare global {
  interface Window {
    nianbao?: NianbaoApi;
  }
}

export function bridge(): NianbaoApi {
  const api = window.nianbao;
  if (!api) throw new Error('window.nianbao is missing: the page was opened outside the app');
  return api;
}
