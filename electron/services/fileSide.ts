/**
 * The file side assembled: autosave and recent files under userData, path
 * grants, and the bridge handlers. Electron main and the web host differ only
 * in the dialog and window ports.
 */
import { join } from 'node:path';
import type { BridgeHandlers } from '../../shared/bridge.ts';
import { AutosaveStore } from './autosave.ts';
import type { DialogPort } from './dialogs.ts';
import { PathGrants } from './grants.ts';
import { createBridgeHandlers } from './handlers.ts';
import type { HandlerDeps, ReportFormats, WindowPort } from './handlers.ts';
import { RecentFiles } from './recent.ts';

export interface FileSideOptions {
  userData: string;
  dialogs: DialogPort;
  window: WindowPort;
  formats: ReportFormats;
  onRecentChanged?: () => void;
  busy?: HandlerDeps['busy'];
  log?: HandlerDeps['log'];
  folderDialog?: HandlerDeps['folderDialog'];
  countyImporters?: HandlerDeps['countyImporters'];
}

export interface FileSide {
  handlers: BridgeHandlers;
  grants: PathGrants;
  recent: RecentFiles;
  autosave: AutosaveStore;
}

export function createFileSide(options: FileSideOptions): FileSide {
  const grants = new PathGrants();
  const autosave = new AutosaveStore(join(options.userData, 'autosave'));
  const recent = new RecentFiles(join(options.userData, 'recent.json'));
  const handlers = createBridgeHandlers({
    ...options.formats,
    dialogs: options.dialogs,
    grants,
    autosave,
    recent,
    window: options.window,
    ...(options.onRecentChanged ? { onRecentChanged: options.onRecentChanged } : {}),
    ...(options.busy ? { busy: options.busy } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.folderDialog ? { folderDialog: options.folderDialog } : {}),
    ...(options.countyImporters ? { countyImporters: options.countyImporters } : {}),
  });
  return { handlers, grants, recent, autosave };
}
