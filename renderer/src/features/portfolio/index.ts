// Screens and charts are in pages.ts (loaded when first shown).
export { readPortfolio, usePortfolioData, type PortfolioData } from './hooks/usePortfolioData';
export { usePortfolioHealth } from './hooks/usePortfolioHealth';
export { peakSentence, tailSentence } from './whaleText';
