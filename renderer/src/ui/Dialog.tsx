import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertDialog, Dialog as RadixDialog } from 'radix-ui';
import { X } from 'lucide-react';
import { Button, IconButton } from './Button';

/**
 * The dialog shell every feature uses: overlay, focus trap, Escape, a title and an optional
 * description wired to the dialog's accessible name and description, and a close button.
 * The body is the caller's (a form, a list); `actions` sit at the bottom right. With `onSubmit`
 * the body and the actions are one form (Enter in a field submits it, a `type="submit"` action is
 * its button), validated by the caller rather than the browser.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  actions,
  size = 'md',
  className,
  closeButton = false,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  size?: 'md' | 'lg';
  className?: string;
  /** A × in the corner, for dialogs without a Cancel button. */
  closeButton?: boolean;
  /** Makes the body and the actions one form. */
  onSubmit?: (e: FormEvent<HTMLFormElement>) => void;
}) {
  const { t } = useTranslation();
  const descId = useId();
  const actionRow = actions ? <div className="dialog__actions">{actions}</div> : null;
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="overlay" />
        <RadixDialog.Content
          className={`dialog ${size === 'lg' ? 'dialog--lg' : ''} ${className ?? ''}`}
          aria-describedby={description ? descId : undefined}
        >
          <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description id={descId} className="dialog__desc">
              {description}
            </RadixDialog.Description>
          ) : null}
          {closeButton ? (
            <RadixDialog.Close asChild>
              <IconButton className="dialog__close" label={t('common.close')} icon={<X size={16} aria-hidden />} />
            </RadixDialog.Close>
          ) : null}
          {onSubmit ? (
            <form onSubmit={onSubmit} noValidate className="dialog__form">
              {children}
              {actionRow}
            </form>
          ) : (
            <>
              {children}
              {actionRow}
            </>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * "Are you sure?" before something that is hard to take back: what will happen in words,
 * optional details, Cancel (focused first) and the confirming action. Cancel, Escape and a click
 * outside call `onCancel`; the confirm button calls only `onConfirm`, and the caller closes the
 * dialog through `open` — at once, or when the work is done (show `busy` meanwhile).
 */
export function ConfirmDialog({
  open,
  title,
  body,
  children,
  confirmLabel,
  confirmIcon,
  tone = 'primary',
  busy = false,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: ReactNode;
  body: ReactNode;
  /** Details under the sentence (a list of what changes, a note). */
  children?: ReactNode;
  confirmLabel: string;
  confirmIcon?: ReactNode;
  tone?: 'primary' | 'danger';
  busy?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AlertDialog.Root open={open} onOpenChange={(o) => (o ? undefined : onCancel())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog__title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog__desc">{body}</AlertDialog.Description>
          {children}
          <div className="dialog__actions">
            <AlertDialog.Cancel asChild>
              <Button variant="ghost">{t('common.cancel')}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button
                variant={tone}
                icon={confirmIcon}
                onClick={(e) => {
                  // Radix would close through onOpenChange, i.e. as a cancel: the caller closes instead.
                  e.preventDefault();
                  onConfirm();
                }}
                disabled={busy}
                aria-busy={busy || undefined}
              >
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
