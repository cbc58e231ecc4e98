import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import { BUYING_ROLES, STANCES, type BuyingRole, type Stance } from '@shared/domain/stakeholders';

/** The words every card shows, translated once per map render instead of ~9 times per card. */
export interface CardWords {
  readonly stance: Readonly<Record<Stance, string>>;
  readonly role: Readonly<Record<BuyingRole, string>>;
  readonly placeholderName: string;
  readonly unknown: string;
  readonly never: string;
  readonly days: (n: number) => string;
}

export function cardWords(t: TFunction): CardWords {
  return {
    stance: Object.fromEntries(STANCES.map((s) => [s, t(`map.stance.${s}`)])) as Record<Stance, string>,
    role: Object.fromEntries(BUYING_ROLES.map((r) => [r, t(`map.role.${r}`)])) as Record<BuyingRole, string>,
    placeholderName: t('map.placeholderName'),
    unknown: t('map.unknown'),
    never: t('map.fresh.never'),
    days: (n) => t('map.fresh.days', { count: n }),
  };
}

export const CardWordsContext = createContext<CardWords | null>(null);

export function useCardWords(): CardWords {
  const w = useContext(CardWordsContext);
  if (!w) throw new Error('useCardWords outside <CardWordsContext.Provider>');
  return w;
}
