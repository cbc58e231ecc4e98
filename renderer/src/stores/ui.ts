import { create } from 'zustand';
import type { ThemeSource } from '@shared/bridge';

/** UI state only: theme choice, sidebar, open dialogs, save indicator, toasts. */
export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: 'neutral' | 'error';
  readonly undo?: boolean;
}

interface UiState {
  theme: ThemeSource;
  sidebarCollapsed: boolean;
  paletteOpen: boolean;
  /** The keyboard-shortcuts help. */
  shortcutsOpen: boolean;
  /** A person to select and centre when their map shows (from the palette); `seq` makes a repeat a new request. */
  personFocus: { readonly id: string; readonly seq: number } | null;
  requestPersonFocus(id: string): void;
  clearPersonFocus(): void;
  setShortcutsOpen(open: boolean): void;
  newAccountOpen: boolean;
  pendingWrites: number;
  lastSavedAt: number | null;
  writeError: string | null;
  toasts: Toast[];
  /** Bumped to ask the current screen to focus its filter (Ctrl/Cmd+F, `/`). */
  findSeq: number;
  requestFind(): void;
  setTheme(theme: ThemeSource): void;
  toggleSidebar(): void;
  setPaletteOpen(open: boolean): void;
  setNewAccountOpen(open: boolean): void;
  writeStarted(): void;
  writeFinished(error?: string): void;
  showToast(t: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
}

const THEME_KEY = 'waypoint.theme';
const SIDEBAR_KEY = 'waypoint.sidebarCollapsed';

function storedTheme(): ThemeSource {
  const v = typeof localStorage !== 'undefined' ? localStorage.getItem(THEME_KEY) : null;
  return v === 'light' || v === 'dark' ? v : 'system';
}

let toastSeq = 0;

export const useUi = create<UiState>((set) => ({
  theme: storedTheme(),
  sidebarCollapsed: typeof localStorage !== 'undefined' && localStorage.getItem(SIDEBAR_KEY) === '1',
  paletteOpen: false,
  shortcutsOpen: false,
  personFocus: null,
  requestPersonFocus: (id) => set((s) => ({ personFocus: { id, seq: (s.personFocus?.seq ?? 0) + 1 } })),
  clearPersonFocus: () => set({ personFocus: null }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  newAccountOpen: false,
  pendingWrites: 0,
  lastSavedAt: null,
  writeError: null,
  toasts: [],
  findSeq: 0,
  requestFind: () => set((s) => ({ findSeq: s.findSeq + 1 })),
  setTheme(theme) {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  toggleSidebar: () =>
    set((s) => {
      localStorage.setItem(SIDEBAR_KEY, s.sidebarCollapsed ? '0' : '1');
      return { sidebarCollapsed: !s.sidebarCollapsed };
    }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setNewAccountOpen: (newAccountOpen) => set({ newAccountOpen }),
  writeStarted: () => set((s) => ({ pendingWrites: s.pendingWrites + 1, writeError: null })),
  writeFinished: (error) =>
    set((s) => ({
      pendingWrites: Math.max(0, s.pendingWrites - 1),
      lastSavedAt: error ? s.lastSavedAt : Date.now(),
      writeError: error ?? null,
    })),
  showToast: (t) => set((s) => ({ toasts: [...s.toasts.slice(-2), { ...t, id: ++toastSeq }] })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
