import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { useUi, type Toast } from '../stores/ui';

const TOAST_MS = 8000;

function ToastItem({ toast, onUndo }: { toast: Toast; onUndo: () => void }) {
  const { t } = useTranslation();
  const dismiss = useUi((s) => s.dismissToast);
  useEffect(() => {
    const id = setTimeout(() => dismiss(toast.id), toast.tone === 'error' ? TOAST_MS * 2 : TOAST_MS);
    return () => clearTimeout(id);
  }, [toast, dismiss]);
  return (
    <div className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span className="toast__msg">{toast.message}</span>
      {toast.undo ? (
        <button
          type="button"
          className="toast__action"
          onClick={() => {
            onUndo();
            dismiss(toast.id);
          }}
        >
          {t('common.undo')}
        </button>
      ) : null}
      <button type="button" className="toast__close" aria-label={t('common.dismiss')} onClick={() => dismiss(toast.id)}>
        <X size={14} aria-hidden />
      </button>
    </div>
  );
}

/** Toasts in a live region: undo for destructive actions, errors that say what to do. */
export function Toaster({ onUndo }: { onUndo: () => void }) {
  const toasts = useUi((s) => s.toasts);
  const { t } = useTranslation();
  return (
    <section className="toaster" aria-label={t('common.notifications')}>
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onUndo={onUndo} />
      ))}
    </section>
  );
}
