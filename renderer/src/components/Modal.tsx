/** A modal dialog: labelled, focus moved into it, Escape closes. */
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal({ title, onClose, className, children }: { title: string; onClose: () => void; className?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('[autofocus], button, input, select, textarea');
    // A long dialog (帮助) opens at its top even when its first button is at the bottom.
    first?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby="modal-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
