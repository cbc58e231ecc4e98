import { useEffect, useRef, useState } from 'react';

/**
 * Inline editing: a local draft that is validated as the user types and committed
 * after a pause, on blur or on Enter. An invalid draft stays on screen with its
 * message (nothing typed is lost); Escape returns to the saved value.
 *
 * A committed value stays on screen until the database shows a change (so the field never
 * flashes the old value, and a refused write leaves what was typed in place to try again:
 * Enter or leaving the field commits it again). Leaving the screen mid-pause commits.
 */
export function useDraft<T, E extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement>(opts: {
  saved: string;
  parse: (draft: string) => { ok: true; value: T } | { ok: false; error: string };
  commit: (value: T) => unknown;
  debounceMs?: number;
}) {
  const { saved, parse, commit, debounceMs = 700 } = opts;
  const [draft, setDraft] = useState(saved);
  const [editing, setEditing] = useState(false);
  /** A value was committed and the database does not show a change yet. */
  const [pending, setPending] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const savedRef = useRef(saved);
  /** The value handed to `commit` in this tick (Enter blurs the field: one commit, not two). */
  const inFlight = useRef<string | null>(null);
  const element = useRef<E | null>(null);
  const latest = useRef({ parse, commit, draft });
  useEffect(() => {
    latest.current = { parse, commit, draft };
  });

  // The database answered (our write, undo, another window): show it unless the user is mid-edit.
  useEffect(() => {
    savedRef.current = saved;
    setPending(false);
  }, [saved]);
  useEffect(() => {
    if (!editing && !pending) setDraft(saved);
  }, [saved, editing, pending]);

  // Once the field shows its saved value and the user has left it, forget the browser's own text
  // history for it. Chromium keeps one text-undo history per window, so Ctrl+Z in another field
  // with nothing of its own to undo would otherwise reach back here, change this field and move
  // the focus. Assigning the same string does not clear that history; a different one does.
  useEffect(() => {
    const el = element.current;
    if (editing || pending || !el || el.value !== saved || el.ownerDocument.activeElement === el) return;
    el.value = '';
    el.value = saved;
  }, [saved, editing, pending, draft]);

  const result = parse(draft);
  const error = result.ok ? null : result.error;

  const flush = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const r = latest.current.parse(value);
    if (!r.ok || value === savedRef.current || value === inFlight.current) return;
    inFlight.current = value;
    setPending(true);
    latest.current.commit(r.value);
    queueMicrotask(() => {
      if (inFlight.current === value) inFlight.current = null;
    });
  };
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });

  useEffect(
    () => () => {
      // Leaving the screen before the pause ends saves what was typed.
      if (timer.current) flushRef.current(latest.current.draft);
    },
    [],
  );

  return {
    /** Attach to the input or textarea that shows the draft. */
    ref: element,
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
        timer.current = null;
        setDraft(savedRef.current);
        setEditing(false);
        setPending(false);
        e.stopPropagation();
      }
    },
  };
}
