import type { ReactNode } from 'react';

interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled control in a form, with the message next to it when the value is wrong. An inline
 * form (one row of fields and a button) shows one message under the row instead: pass its id as
 * `errorId`, and the field is marked and points to it without a message of its own.
 */
export function FormField({
  id,
  label,
  error = null,
  errorId,
  hint,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | null;
  /** The message is shown elsewhere in the form, under this id. */
  errorId?: string;
  hint?: string;
  /** More classes on the field (how it sits in its row). */
  className?: string;
  children: (p: ControlProps) => ReactNode;
}) {
  const errId = errorId ?? `${id}-err`;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errId : undefined })}
      {error && !errorId ? (
        <p className="field__error" id={errId} role="alert">
          {error}
        </p>
      ) : !error && hint ? (
        <p className="field__hint">{hint}</p>
      ) : null}
    </div>
  );
}
