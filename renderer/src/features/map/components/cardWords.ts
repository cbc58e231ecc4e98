import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import { BUYING_ROLES, STANCES, isBuyingRole, isStance } from '@shared/domain/stakeholders';

/** The words every card shows, translated once per map render instead of ~9 times per card. */
export interface CardWords {
  /** A stance's word; one a newer version sent reads "Unknown stance". */
  readonly stance: (s: unknown) => string;
  readonly role: (r: unknown) => string;
  readonly placeholderName: string;
  readonly unknown: string;
  readonly never: string;
  readonly days: (n: number) => string;
}

export function cardWords(t: TFunction): CardWords {
  // Maps, not objects: a look-up of "__proto__" or "constructor" finds nothing instead of a prototype.
  const stances = new Map(STANCES.map((s) => [s, t(`map.stance.${s}`)]));
  const roles = new Map(BUYING_ROLES.map((r) => [r, t(`map.role.${r}`)]));
  const unknownStance = t('map.stance.unknown');
  const unknownRole = t('map.role.unknown');
  return {
    stance: (s) => (isStance(s) ? stances.get(s) : undefined) ?? unknownStance,
    role: (r) => (isBuyingRole(r) ? roles.get(r) : undefined) ?? unknownRole,
    placeholderName: t('map.placeholderName'),
    unknown: t('map.unknown'),
    never: t('map.fresh.never'),
    days: (n) => t('map.fresh.days', { count: n }),
  };
}

export const CardWordsContext = createContext<CardWords | null>(null);

/**
 * Whether the map is zoomed so far out that card text would be a few pixels tall: cards are then
 * drawn with the name only (a fifth of the elements to build, lay out and paint at 1,000 people).
 */
export const FarContext = createContext(false);

export function useCardWords(): CardWords {
  const w = useContext(CardWordsContext);
  if (!w) throw new Error('useCardWords outside <CardWordsContext.Provider>');
  return w;
}
