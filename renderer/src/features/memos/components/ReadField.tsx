import type { ReactNode } from 'react';

/** A field of a decided memo: its label and value as text (a record is read, not edited). */
export function ReadField({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`field read-field ${className ?? ''}`}>
      <span className="field__label">{label}</span>
      <div className="read-field__value">{children === '' || children == null ? <span className="muted">—</span> : children}</div>
    </div>
  );
}
