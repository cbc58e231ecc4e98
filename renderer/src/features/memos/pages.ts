// The memo screens, loaded when first shown (App.tsx).
export { MemosPage } from './components/MemosPage';
export { MemoPage } from './components/MemoPage';
