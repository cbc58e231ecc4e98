import { useId, type ReactNode } from 'react';
import { useDraft } from './useDraft';

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

interface BaseProps {
  label: string;
  hint?: ReactNode;
  className?: string;
  /** Hide the visible label (the accessible name stays). */
  hideLabel?: boolean;
}

function FieldShell(props: BaseProps & { id: string; error: string | null; children: ReactNode; errorId: string }) {
  return (
    <div className={`field ${props.className ?? ''} ${props.error ? 'field--invalid' : ''}`}>
      <label htmlFor={props.id} className={props.hideLabel ? 'sr-only' : 'field__label'}>
        {props.label}
      </label>
      <div className="field__control">
        {props.children}
        {props.error ? (
          <p className="field__error" id={props.errorId} role="alert">
            {props.error}
          </p>
        ) : props.hint ? (
          <p className="field__hint">{props.hint}</p>
        ) : null}
      </div>
    </div>
  );
}

/** A text-like input that edits inline and autosaves once valid. */
export function InlineInput<T>(
  props: BaseProps & {
    saved: string;
    parse: (draft: string) => Parsed<T>;
    onCommit: (value: T) => void;
    type?: 'text' | 'date';
    inputMode?: 'text' | 'decimal' | 'numeric';
    align?: 'start' | 'end';
    placeholder?: string;
    autoFocus?: boolean;
    maxLength?: number;
    suffix?: ReactNode;
  },
) {
  const id = useId();
  const errorId = `${id}-err`;
  const d = useDraft({ saved: props.saved, parse: props.parse, commit: props.onCommit });
  return (
    <FieldShell {...props} id={id} error={d.error} errorId={errorId}>
      <div className="input-wrap">
        <input
          ref={d.ref}
          id={id}
          className={`input ${props.align === 'end' ? 'input--num' : ''}`}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          value={d.draft}
          placeholder={props.placeholder}
          autoFocus={props.autoFocus}
          maxLength={props.maxLength}
          aria-invalid={d.error ? true : undefined}
          aria-describedby={d.error ? errorId : undefined}
          onChange={(e) => d.onChange(e.target.value)}
          onBlur={d.onBlur}
          onKeyDown={d.onKeyDown}
          spellCheck={props.type === 'date' ? undefined : false}
        />
        {props.suffix ? <span className="input-suffix">{props.suffix}</span> : null}
      </div>
    </FieldShell>
  );
}

export function InlineTextarea(
  props: BaseProps & {
    saved: string;
    onCommit: (value: string) => void;
    maxLength: number;
    rows?: number;
    placeholder?: string;
    tooLong: string;
  },
) {
  const id = useId();
  const errorId = `${id}-err`;
  const d = useDraft<string, HTMLTextAreaElement>({
    saved: props.saved,
    parse: (s) => (s.length > props.maxLength ? { ok: false, error: props.tooLong } : { ok: true, value: s }),
    commit: props.onCommit,
  });
  return (
    <FieldShell {...props} id={id} error={d.error} errorId={errorId}>
      <textarea
        ref={d.ref}
        id={id}
        className="input textarea"
        rows={props.rows ?? 3}
        value={d.draft}
        placeholder={props.placeholder}
        aria-invalid={d.error ? true : undefined}
        aria-describedby={d.error ? errorId : undefined}
        onChange={(e) => d.onChange(e.target.value)}
        onBlur={d.onBlur}
        onKeyDown={d.onKeyDown}
      />
    </FieldShell>
  );
}

/** A native select: accessible, keyboard-complete and instant to save. */
export function SelectField<V extends string>(
  props: BaseProps & { value: V; options: ReadonlyArray<{ value: V; label: string }>; onChange: (value: V) => void },
) {
  const id = useId();
  return (
    <FieldShell {...props} id={id} error={null} errorId={`${id}-err`}>
      <select id={id} className="input select" value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
