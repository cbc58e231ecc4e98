import { describe, expect, it } from 'vitest';
import { MAP_VIEWS } from './MapTab';
import { viewShowing } from './viewShowing';

describe('the view that shows a person asked for from the palette', () => {
  it('keeps the list and the grid, and turns every other view to the canvas', () => {
    const person = { placeholder: false };
    expect(MAP_VIEWS.map((v) => viewShowing(v, person))).toEqual(['map', 'list', 'grid', 'map', 'map']);
  });

  it('turns the grid to the canvas for an unknown role, which the grid does not draw', () => {
    expect(viewShowing('grid', { placeholder: true })).toBe('map');
    expect(viewShowing('list', { placeholder: true })).toBe('list');
  });
});
