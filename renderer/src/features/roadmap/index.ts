// Screens are in pages.ts (loaded when first shown).
export { AccountQuotesTab } from './components/AccountQuotesTab';
export { RoadmapSettingsSection } from './components/RoadmapSettingsSection';
export { useRoadmapData, type RoadmapRows } from './hooks/useRoadmapData';
export { lineLabel, guardrailText } from './quoteText';
export { RoadmapCrumb } from './components/RoadmapCrumb';
