export { PortfolioPage } from './components/PortfolioPage';
export { WhaleChart, type ChartSize } from './components/charts/WhaleChart';
export { MatrixChart } from './components/charts/MatrixChart';
export { readPortfolio, usePortfolioData, type PortfolioData } from './hooks/usePortfolioData';
export { usePortfolioHealth } from './hooks/usePortfolioHealth';
export { peakSentence, tailSentence } from './whaleText';
