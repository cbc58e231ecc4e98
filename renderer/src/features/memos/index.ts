// Screens are in pages.ts (loaded when first shown).
export { MemoCrumb } from './components/MemoCrumb';
export { useMemoDoc, useMemoRows, deriveMemo, type MemoDoc, type MemoRows } from './hooks/useMemoDoc';
export { useMemoList, useMemosFor } from './hooks/useMemoList';
export { useMemoActions } from './hooks/useMemoActions';
export { ifThenSentence, exitSentence, unheardSentence } from './memoText';
export { MemoLinks, type MemoSource } from './components/MemoLinks';
