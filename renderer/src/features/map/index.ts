export { MapTab } from './components/MapTab';
export { useMapData, mapDataQuery, type MapData } from './hooks/useMapData';
export { usePeopleIndex, type PersonHit } from './hooks/usePeopleIndex';
export { svgFor as mapSvgFor } from './components/exportMap';
