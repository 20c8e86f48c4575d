/**
 * IPC in the manner of VS Code's validatedIpcMain: a message is handled only
 * when it comes from our own page's main frame, on a known channel, with
 * arguments that pass the bridge schema. Anything else gets a refusal, never
 * an exception with internals in it.
 */
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { BRIDGE, INVOKE_METHODS, fail } from '../../shared/bridge.ts';
import type { BridgeHandlers, BridgeResult } from '../../shared/bridge.ts';
import { DROPPED_FILE_CHANNEL } from '../../shared/bridgeChannels.ts';
import { verifyDroppedFile } from '../services/grants.ts';
import { isAppUrl } from './security.ts';

export const REFUSED_SENDER = '请求来源不可信，已拒绝。';
export const REFUSED_ARGUMENTS = '请求的数据格式不正确，已拒绝。';
const UNEXPECTED = '发生意外错误，请重试。';

/** The subset of ipcMain used here, so tests can pass a recorder. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/** The part of ipcMain that receives one-way messages. */
export interface IpcMainOnLike {
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): void;
}

export interface SenderPolicy {
  /** The dev server while developing; undefined in a built app. */
  devServerUrl?: string;
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, policy: SenderPolicy = {}): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  // Only the top frame: an iframe (there should be none) gets nothing.
  if (frame.parent !== null || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url, policy.devServerUrl);
}

export function handle<A extends unknown[]>(
  ipc: IpcMainLike,
  channel: string,
  schema: z.ZodType<A>,
  fn: (...args: A) => Promise<BridgeResult<unknown>>,
  policy: SenderPolicy = {},
): void {
  ipc.handle(channel, async (event, ...args) => {
    if (!isTrustedSender(event, policy)) return fail(REFUSED_SENDER);
    const parsed = schema.safeParse(args);
    if (!parsed.success) return fail(REFUSED_ARGUMENTS);
    try {
      return await fn(...parsed.data);
    } catch {
      return fail(UNEXPECTED);
    }
  });
}

/** Registers every bridge method on its channel. */
export function registerBridge(ipc: IpcMainLike, handlers: BridgeHandlers, policy: SenderPolicy = {}): void {
  for (const method of INVOKE_METHODS) {
    const fn = handlers[method] as (...args: unknown[]) => Promise<BridgeResult<unknown>>;
    handle(ipc, BRIDGE[method].channel, BRIDGE[method].args as z.ZodType<unknown[]>, fn, policy);
  }
}

/**
 * Files dropped on the window: opened only when the message comes from our
 * page and its claim matches the file on disk (see verifyDroppedFile), so a
 * renderer naming some path is not enough to be granted it.
 */
export function registerDropChannel(
  ipc: IpcMainOnLike,
  open: (path: string) => void,
  policy: SenderPolicy = {},
  verify: (claim: unknown) => Promise<string | null> = verifyDroppedFile,
): void {
  ipc.on(DROPPED_FILE_CHANNEL, (event, claim) => {
    if (!isTrustedSender(event, policy)) return;
    void verify(claim).then((path) => {
      if (path !== null) open(path);
    });
  });
}
