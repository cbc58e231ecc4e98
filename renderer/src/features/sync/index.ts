// The sync screen is in pages.ts (loaded when first shown).
export { useSyncAgent } from './hooks/useSyncAgent';
export { useConflictCount } from './hooks/useConflictCount';
export { IntegritySection } from './components/IntegritySection';
export { IntegrityNotice } from './components/IntegrityNotice';
export { useIntegrityIssues } from './hooks/useIntegrityIssues';
