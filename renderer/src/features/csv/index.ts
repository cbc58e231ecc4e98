export { ImportPage } from './components/ImportPage';
export { ImportHistory } from './components/ImportHistory';
