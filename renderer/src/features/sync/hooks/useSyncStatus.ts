import { create } from 'zustand';
import type { FolderSyncResult } from '../../../db/sync/folder';

/** UI state of the sync folder: whether a sync runs now and how the latest one went. */
interface SyncStatus {
  readonly running: boolean;
  readonly last: FolderSyncResult | null;
  readonly error: string | null;
  started(): void;
  finished(last: FolderSyncResult | null, error: string | null): void;
}

export const useSyncStatus = create<SyncStatus>((set) => ({
  running: false,
  last: null,
  error: null,
  started: () => set({ running: true, error: null }),
  finished: (last, error) => set((s) => ({ running: false, last: last ?? s.last, error })),
}));
