export { SyncPage } from './components/SyncPage';
export { useSyncAgent } from './hooks/useSyncAgent';
export { useConflictCount } from './hooks/useConflictCount';
