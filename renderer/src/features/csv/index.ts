// The import screen is in pages.ts (loaded when first shown).
export { ImportHistory } from './components/ImportHistory';
export { CsvExportSection } from './components/CsvExportSection';
