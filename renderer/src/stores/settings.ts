import { create } from 'zustand';
import { DEFAULT_FRESHNESS, readFreshness, type FreshnessThresholds } from '@shared/domain/stakeholders';

/** Device preferences that shape what the screens show (not user data: not synced). */
export type Paper = 'A4' | 'Letter';

interface SettingsState {
  freshness: FreshnessThresholds;
  setFreshness(t: FreshnessThresholds): void;
  /** Paper size for printed documents. */
  paper: Paper;
  setPaper(p: Paper): void;
}

const PAPER_KEY = 'waypoint.paper';

/** The saved paper size, else Letter where the locale's region uses it (US, Canada, Mexico, …), else A4. */
function storedPaper(): Paper {
  const v = localStorage.getItem(PAPER_KEY);
  if (v === 'A4' || v === 'Letter') return v;
  const region = (navigator.language.split('-')[1] ?? '').toUpperCase();
  return ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR'].includes(region) ? 'Letter' : 'A4';
}

const KEY = 'waypoint.freshness';

/** The saved thresholds; a preference edited by hand or damaged falls back to the defaults. */
function stored(): FreshnessThresholds {
  try {
    return readFreshness(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
  } catch {
    return DEFAULT_FRESHNESS;
  }
}

export const useSettings = create<SettingsState>((set) => ({
  freshness: typeof localStorage !== 'undefined' ? stored() : DEFAULT_FRESHNESS,
  setFreshness(freshness) {
    localStorage.setItem(KEY, JSON.stringify(freshness));
    set({ freshness });
  },
  paper: typeof localStorage !== 'undefined' && typeof navigator !== 'undefined' ? storedPaper() : 'A4',
  setPaper(paper) {
    localStorage.setItem(PAPER_KEY, paper);
    set({ paper });
  },
}));
