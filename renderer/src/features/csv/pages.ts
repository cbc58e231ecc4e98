// The import screen, loaded when first shown (App.tsx): it brings the CSV reader and mapping.
export { ImportPage } from './components/ImportPage';
