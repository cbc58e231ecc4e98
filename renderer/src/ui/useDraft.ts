import { useEffect, useRef, useState } from 'react';

/**
 * Inline editing: a local draft that is validated as the user types and committed
 * after a pause, on blur or on Enter. An invalid draft stays on screen with its
 * message (nothing typed is lost); Escape returns to the saved value.
 */
export function useDraft<T>(opts: {
  saved: string;
  parse: (draft: string) => { ok: true; value: T } | { ok: false; error: string };
  commit: (value: T) => void;
  debounceMs?: number;
}) {
  const { saved, parse, commit, debounceMs = 700 } = opts;
  const [draft, setDraft] = useState(saved);
  const [editing, setEditing] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastCommitted = useRef(saved);

  // Follow the database (undo, another window) unless the user is mid-edit.
  useEffect(() => {
    if (!editing) setDraft(saved);
    lastCommitted.current = saved;
  }, [saved, editing]);

  const result = parse(draft);
  const error = result.ok ? null : result.error;

  const flush = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const r = parse(value);
    if (r.ok && value !== lastCommitted.current) {
      lastCommitted.current = value;
      commit(r.value);
    }
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return {
    draft,
    error,
    onChange(value: string) {
      setDraft(value);
      setEditing(true);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => flush(value), debounceMs);
    },
    onBlur() {
      flush(draft);
      // An invalid draft stays on screen with its message until it is fixed or Escape is pressed.
      if (parse(draft).ok) setEditing(false);
    },
    onKeyDown(e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) {
      if (e.key === 'Enter' && !(e.currentTarget instanceof HTMLTextAreaElement && !e.ctrlKey && !e.metaKey)) {
        e.preventDefault();
        flush(draft);
        (e.currentTarget as HTMLElement).blur();
      } else if (e.key === 'Escape') {
        if (timer.current) clearTimeout(timer.current);
        setDraft(lastCommitted.current);
        setEditing(false);
        e.stopPropagation();
      }
    },
  };
}
