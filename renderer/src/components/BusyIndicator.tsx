/**
 * Reading or writing a file in the file side (open, import, save, export):
 * shown once it has lasted a second, gone when it ends, when the result's
 * notice takes over. The state lives here, off the editor store, so no cell
 * or keystroke ever re-renders for it.
 */
import { useEffect, useState } from 'react';
import { useEditorContext } from '../store/context.tsx';

/** Shorter work is not worth a flash on the screen. */
export const BUSY_SHOWN_AFTER_MS = 1_000;

export function BusyIndicator() {
  const { api } = useEditorContext();
  const [label, setLabel] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = api.onBusy((busy) => {
      clearTimeout(timer);
      if (busy === null) {
        setLabel(null);
        return;
      }
      timer = setTimeout(() => setLabel(busy.label), BUSY_SHOWN_AFTER_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [api]);

  if (label === null) return null;
  return (
    <div className="busy" role="status" aria-busy="true">
      {/* Without a value a progress bar is indeterminate: the work's length is not known. */}
      <progress aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
