/**
 * Security policy for every web contents: the page may not navigate, open
 * windows, attach webviews or get any permission; it gets a strict CSP.
 * See the Electron security checklist; the shape follows Signal and VS Code.
 */
import type { Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** A URL is ours when it is on the app origin (or the dev server while developing). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Applied to every web contents the app creates. Page-initiated navigation of
 * any frame is refused (loadURL from main does not raise these events).
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
