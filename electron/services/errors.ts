/**
 * File-system failures turned into sentences a clerk can act on. Node's
 * error codes are the same on Windows and Linux for the cases that matter.
 */
import { basename } from 'node:path';
import { fail, type BridgeResult } from '../../shared/bridge.ts';
import { ImportError } from '../../shared/import/types.ts';

/** A failure whose message is meant for the clerk (Chinese). */
export class FileError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'FileError';
    this.code = code;
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

const REASONS: Record<string, string> = {
  ENOSPC: '磁盘空间已满，请清理磁盘或换一个位置保存',
  EDQUOT: '磁盘配额已用完，请清理磁盘或换一个位置保存',
  EACCES: '没有权限访问该位置，请换一个文件夹或联系管理员',
  EPERM: '没有权限，或文件正被其他程序（如 Word、WPS、杀毒软件）占用',
  EROFS: '该位置是只读的（如光盘或写保护的U盘），请换一个位置',
  EBUSY: '文件正被其他程序占用，请关闭后重试',
  ENOENT: '找不到该文件或文件夹，可能已被移动、改名或删除',
  ENOTDIR: '路径中的某一级不是文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  ENAMETOOLONG: '文件名或路径太长',
  EMFILE: '打开的文件太多，请稍后重试',
  EIO: '读写磁盘时出错，磁盘或U盘可能已损坏或被拔出',
  ETIMEDOUT: '访问网络位置超时',
};

/** Why a file operation failed, as a clause (no full stop). */
export function reasonOf(error: unknown): string {
  const code = errorCode(error);
  return (code && REASONS[code]) ?? '发生未知错误';
}

/** `action` is what we were doing, e.g. 保存 or 读取. */
export function describeFsError(error: unknown, action: string, path: string): FileError {
  if (error instanceof FileError) return error;
  return new FileError(`无法${action}“${basename(path)}”：${reasonOf(error)}。`, errorCode(error));
}

/**
 * Failures that are about the clerk's file or disk, whose message is written
 * for the clerk. (ReportFileError is matched by name: the file format module
 * owns it.)
 */
export function isClerkError(error: unknown): error is Error {
  return error instanceof FileError || error instanceof ImportError || (error instanceof Error && error.name === 'ReportFileError');
}

/** The message to show for any failure; other errors are not leaked verbatim. */
export function messageOf(error: unknown, fallback: string): string {
  return isClerkError(error) ? error.message : fallback;
}

/**
 * A bridge call that never throws: a clerk's error keeps its message, any
 * other is logged and answered with `fallback`.
 */
export function guardWith(log: ((error: unknown) => void) | undefined) {
  return async function guard<T>(fallback: string, run: () => Promise<BridgeResult<T>>): Promise<BridgeResult<T>> {
    try {
      return await run();
    } catch (error) {
      if (!isClerkError(error)) log?.(error);
      return fail(messageOf(error, fallback));
    }
  };
}
