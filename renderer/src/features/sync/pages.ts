// The sync screen, loaded when first shown (App.tsx).
export { SyncPage } from './components/SyncPage';
