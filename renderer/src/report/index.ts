export { ReportPage } from './ReportPage';
export { pdfName, printDocument } from './printDocument';
