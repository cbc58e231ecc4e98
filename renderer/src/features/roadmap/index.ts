export { RoadmapPage } from './components/RoadmapPage';
export { ItemPage } from './components/ItemPage';
export { QuotePage } from './components/QuotePage';
export { QuoteCompare } from './components/QuoteCompare';
export { AccountQuotesTab } from './components/AccountQuotesTab';
export { RoadmapSettingsSection } from './components/RoadmapSettingsSection';
export { useRoadmapData, type RoadmapRows } from './hooks/useRoadmapData';
export { lineLabel, guardrailText } from './quoteText';
export { RoadmapCrumb } from './components/RoadmapCrumb';
