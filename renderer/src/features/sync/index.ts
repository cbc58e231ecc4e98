export { SyncPage } from './components/SyncPage';
export { useSyncAgent } from './hooks/useSyncAgent';
export { useConflictCount } from './hooks/useConflictCount';
export { IntegritySection } from './components/IntegritySection';
export { IntegrityNotice } from './components/IntegrityNotice';
export { useIntegrityIssues } from './hooks/useIntegrityIssues';
