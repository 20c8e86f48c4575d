/** The latest message for the clerk: saved, exported, or what went wrong. */
import { useActions, useEditor } from '../store/context.tsx';

export function NoticeBar() {
  const notice = useEditor((s) => s.notice);
  const actions = useActions();
  if (!notice) return null;
  return (
    <div className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" aria-label="关闭消息" onClick={() => actions.notify(null)}>
        ×
      </button>
    </div>
  );
}
