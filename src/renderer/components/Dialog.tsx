// A modal dialog (native <dialog>): opened on mount, focus kept inside, Échap closes it unless
// the action it holds is running.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({
  title,
  busy = false,
  onClose,
  className,
  children,
}: {
  title: string;
  busy?: boolean;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
