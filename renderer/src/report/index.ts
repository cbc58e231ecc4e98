export { ReportPage } from './ReportPage';
export { printDocument } from './printDocument';
