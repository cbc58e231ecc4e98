// The roadmap's screens, loaded when first shown (App.tsx).
export { RoadmapPage } from './components/RoadmapPage';
export { ItemPage } from './components/ItemPage';
export { QuotePage } from './components/QuotePage';
export { QuoteCompare } from './components/QuoteCompare';
