export { MapTab } from './components/MapTab';
