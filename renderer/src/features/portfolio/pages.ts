// The portfolio's screens and charts, loaded when first shown (App.tsx, report/): they bring Recharts.
export { PortfolioPage } from './components/PortfolioPage';
export { WhaleChart, type ChartSize } from './components/charts/WhaleChart';
export { MatrixChart } from './components/charts/MatrixChart';
