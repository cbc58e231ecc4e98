import type { CSSProperties } from 'react';
import { isStance, type Stance } from '@shared/domain/stakeholders';
import { shownStance } from './known';

/**
 * Stance is never colour alone: each has its own glyph (map.css paints it as a mask in the
 * stance's colour); one a newer version sent gets a question mark, coloured neutral.
 */
export function StanceIcon({ stance, size = 12 }: { stance: Stance; size?: number }) {
  const glyph = isStance(stance) ? stance : 'unknown';
  return (
    <span
      aria-hidden
      className={`stance-icon stance-icon--${shownStance(stance)} stance-icon--glyph-${glyph}`}
      style={size === 12 ? undefined : ({ '--icon-size': `${size}px` } as CSSProperties)}
    />
  );
}

/** Stance as icon and word, for tables and lists. */
export function StanceLabel({ stance, label }: { stance: Stance; label: string }) {
  return (
    <span className={`stance stance--${shownStance(stance)}`}>
      <StanceIcon stance={stance} /> {label}
    </span>
  );
}
