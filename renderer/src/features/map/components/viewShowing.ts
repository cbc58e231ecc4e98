import type { PersonRow } from '../../../db/database';
import type { MapView } from './MapTab';

/**
 * The view in which a person asked for from elsewhere (the palette) is shown. The list and the
 * power/interest grid stay when they show that person — whoever chose the list (the accessible
 * alternative to the canvas) keeps it; every other view turns to the canvas, the one that shows
 * everyone: coverage counts people and the top-5 review names only five, and the grid leaves
 * unknown roles out.
 */
export function viewShowing(view: MapView, person: Pick<PersonRow, 'placeholder'>): MapView {
  if (view === 'list') return 'list';
  if (view === 'grid' && !person.placeholder) return 'grid';
  return 'map';
}
