import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUCKETS, SIZE_CLASSES } from '@shared/domain/account';
import { ACCOUNT_TABS, CLUB_VIEWS, parseHash, PORTFOLIO_VIEWS, PRINT_DOCS, ROADMAP_VIEWS, routeHash, type Route } from './route';

const id = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !s.includes(','));
const route: fc.Arbitrary<Route> = fc.oneof(
  fc.constant({ name: 'accounts' } as const),
  fc.record({ name: fc.constant('account' as const), id, tab: fc.constantFrom(...ACCOUNT_TABS) }),
  fc.record({ name: fc.constant('roadmap' as const), view: fc.constantFrom(...ROADMAP_VIEWS) }),
  fc.record({ name: fc.constant('item' as const), id }),
  fc.record({ name: fc.constant('quote' as const), id }),
  fc.record({ name: fc.constant('compare' as const), ids: fc.array(id, { minLength: 1, maxLength: 4 }) }),
  fc.record({ name: fc.constant('club' as const), view: fc.constantFrom(...CLUB_VIEWS) }),
  fc.record({ name: fc.constant('offer' as const), id }),
  fc.record({ name: fc.constant('retreat' as const), id }),
  fc.constant({ name: 'sync' } as const),
  fc.record({
    name: fc.constant('portfolio' as const),
    view: fc.constantFrom(...PORTFOLIO_VIEWS),
    filter: fc.record({
      owner: fc.option(id, { nil: null }),
      sizeClass: fc.option(fc.constantFrom(...SIZE_CLASSES), { nil: null }),
      bucket: fc.option(fc.constantFrom(...BUCKETS, 'none' as const), { nil: null }),
      segment: fc.option(id, { nil: null }),
      region: fc.option(id, { nil: null }),
    }),
  }),
  fc.constant({ name: 'import' } as const),
  fc.constant({ name: 'settings' } as const),
  fc.record({ name: fc.constant('print' as const), doc: fc.constantFrom(...PRINT_DOCS), id }),
);

describe('parseHash / routeHash', () => {
  it('round-trip every route, whatever its ids hold (slashes, spaces, Cyrillic, Chinese, emoji)', () => {
    fc.assert(
      fc.property(route, (r) => {
        expect(parseHash(routeHash(r))).toEqual(r);
      }),
      { numRuns: 500 },
    );
    const r: Route = { name: 'account', id: 'Москва/北京 🚢', tab: 'map' };
    expect(parseHash(routeHash(r))).toEqual(r);
  });

  it('falls back, never throws, on what a person may type or paste', () => {
    expect(parseHash('')).toEqual({ name: 'accounts' });
    expect(parseHash('#/nowhere/at/all')).toEqual({ name: 'accounts' });
    expect(parseHash('#/accounts/abc/nonsense')).toEqual({ name: 'account', id: 'abc', tab: 'overview' });
    expect(parseHash('#/roadmap/galaxy')).toEqual({ name: 'roadmap', view: 'items' });
    expect(parseHash('#/print/brochure/abc')).toEqual({ name: 'accounts' });
    // A broken escape reads as written.
    expect(parseHash('#/accounts/%E0%A4%A/plans')).toEqual({ name: 'account', id: '%E0%A4%A', tab: 'plans' });
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (h) => void parseHash(`#/${h}`)),
      { numRuns: 500 },
    );
  });

  it('reads portfolio filters from the query and ignores what it does not know', () => {
    expect(parseHash('#/portfolio/buckets?owner=Mette%20Lund&bucket=4&size=whale&colour=red')).toEqual({
      name: 'portfolio',
      view: 'buckets',
      filter: { owner: 'Mette Lund', sizeClass: null, bucket: 4, segment: null, region: null },
    });
    expect(parseHash('#/portfolio?bucket=9')).toMatchObject({ view: 'whale', filter: { bucket: null } });
    expect(parseHash('#/portfolio/whale?bucket=none&region=%E5%8C%97%E4%BA%AC')).toMatchObject({
      filter: { bucket: 'none', region: '北京' },
    });
  });

  it('compares at most four quotes', () => {
    expect(parseHash('#/quotes/compare/a,b,c,d,e')).toEqual({ name: 'compare', ids: ['a', 'b', 'c', 'd'] });
  });
});
