import { dialog } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ElectronDialogs } from '../../../electron/main/dialogs.ts';

const showMessageBox = vi.mocked(dialog.showMessageBox);
const dialogs = new ElectronDialogs(() => null, () => '/home/clerk');

beforeEach(() => {
  showMessageBox.mockReset();
});

describe('the save-conflict question', () => {
  it.each([
    ['changed', 0, 'saveAs'],
    ['changed', 1, 'overwrite'],
    ['changed', 2, 'cancel'],
    ['readOnly', 0, 'saveAs'],
    ['readOnly', 1, 'cancel'],
  ] as const)('%s, button %i → %s', async (conflict, response, choice) => {
    showMessageBox.mockResolvedValue({ response, checkboxChecked: false });
    expect(await dialogs.askSaveConflict('本镇.nianbao', conflict)).toBe(choice);
  });

  it('offers 覆盖 only for a file changed on disk, and Escape cancels', async () => {
    showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    await dialogs.askSaveConflict('本镇.nianbao', 'changed');
    await dialogs.askSaveConflict('本镇.nianbao', 'readOnly');
    const [changed, readOnly] = showMessageBox.mock.calls.map((call) => call[0] as unknown as Electron.MessageBoxOptions);
    expect(changed).toMatchObject({ buttons: ['另存为', '覆盖', '取消'], cancelId: 2, message: expect.stringContaining('“本镇.nianbao”在您打开或上次保存之后已被修改') });
    expect(readOnly).toMatchObject({ buttons: ['另存为', '取消'], cancelId: 1, message: '“本镇.nianbao”是只读文件，不能直接保存。' });
  });
});
