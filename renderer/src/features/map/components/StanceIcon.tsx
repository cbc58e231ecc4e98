import { Minus, Star, ThumbsDown, ThumbsUp, TriangleAlert } from 'lucide-react';
import type { Stance } from '@shared/domain/stakeholders';

const ICONS = { champion: Star, supporter: ThumbsUp, neutral: Minus, skeptic: TriangleAlert, opponent: ThumbsDown } as const;

/** Stance is never colour alone: each has its own icon. */
export function StanceIcon({ stance, size = 12 }: { stance: Stance; size?: number }) {
  const Icon = ICONS[stance];
  return <Icon size={size} aria-hidden className={`stance-icon stance-icon--${stance}`} />;
}

/** Stance as icon and word, for tables and lists. */
export function StanceLabel({ stance, label }: { stance: Stance; label: string }) {
  return (
    <span className={`stance stance--${stance}`}>
      <StanceIcon stance={stance} /> {label}
    </span>
  );
}
