export { ImportPage } from './components/ImportPage';
export { ImportHistory } from './components/ImportHistory';
export { CsvExportSection } from './components/CsvExportSection';
