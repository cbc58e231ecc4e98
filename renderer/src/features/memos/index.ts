export { MemosPage } from './components/MemosPage';
export { MemoPage } from './components/MemoPage';
export { MemoCrumb } from './components/MemoCrumb';
export { useMemoDoc, useMemoRows, deriveMemo, type MemoDoc, type MemoRows } from './hooks/useMemoDoc';
export { useMemoList, useMemosFor } from './hooks/useMemoList';
export { useMemoActions } from './hooks/useMemoActions';
export { ifThenSentence, exitSentence, unheardSentence } from './memoText';
export { MemoLinks, type MemoSource } from './components/MemoLinks';
