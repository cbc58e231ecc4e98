import { CircleHelp, Minus, Star, ThumbsDown, ThumbsUp, TriangleAlert } from 'lucide-react';
import { isStance, type Stance } from '@shared/domain/stakeholders';
import { shownStance } from './known';

const ICONS = { champion: Star, supporter: ThumbsUp, neutral: Minus, skeptic: TriangleAlert, opponent: ThumbsDown } as const;

/** Stance is never colour alone: each has its own icon; one a newer version sent gets a question mark, coloured neutral. */
export function StanceIcon({ stance, size = 12 }: { stance: Stance; size?: number }) {
  const Icon = isStance(stance) ? ICONS[stance] : CircleHelp;
  return <Icon size={size} aria-hidden className={`stance-icon stance-icon--${shownStance(stance)}`} />;
}

/** Stance as icon and word, for tables and lists. */
export function StanceLabel({ stance, label }: { stance: Stance; label: string }) {
  return (
    <span className={`stance stance--${shownStance(stance)}`}>
      <StanceIcon stance={stance} /> {label}
    </span>
  );
}
