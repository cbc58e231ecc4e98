import { accountsAtRisk, bucketColumns, costMarginMatrix, namedOutliers, rotationsDue, spiralCounts } from '@shared/domain/portfolio';
import { segmentFigures } from '@shared/domain/segment';
import { exitBottom, whaleBars, whaleChartPoints, whaleCurve } from '@shared/domain/whale';
import { readPortfolio, usePortfolioHealth } from '../../features/portfolio';
import { PortfolioPage } from '../../features/portfolio/pages';
import { deriveMemo, type MemoRows } from '../../features/memos/hooks/useMemoDoc';
import { NO_PORTFOLIO_FILTER } from '@shared/domain/portfolio';
import { createElement, Fragment, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect } from 'vitest';
import { penetration, profitContribution } from '@shared/domain/account';
import { filterAccounts, ownersOf, sortAccounts, SORT_KEYS, type AccountListItem } from '@shared/domain/accountList';
import { accountChecks, DEFAULT_CHECK_SETTINGS, healthScore } from '@shared/domain/checks';
import { compareOffer, recommend, seatCostPerYear, seatsUsed } from '@shared/domain/club';
import { coverage } from '@shared/domain/coverage';
import { toIsoDate } from '@shared/domain/dates';
import { repairFor } from '@shared/domain/integrity';
import { orgChartLayout } from '@shared/domain/orgLayout';
import { isOverdue, planProgress } from '@shared/domain/plan';
import { budgetSummary, retreatConflicts } from '@shared/domain/retreat';
import { capacityOf, quarterLoads } from '@shared/domain/roadmap';
import { accountRoadmapFacts, demandByItem, evaluateInRoadmap, slipsFor } from '@shared/domain/roadmapView';
import { DEFAULT_FRESHNESS, freshness, mapQuality, topFive } from '@shared/domain/stakeholders';
import { readRows } from '@shared/domain/tables';
import { i18next } from '../../i18n';
import { useAccountList } from '../../features/accounts';
import { useAccount } from '../../features/accounts/hooks/useAccount';
import { recommendationText, useClubData, useMemberships, type ClubData } from '../../features/club';
import { mapSvgFor, useMapData, type MapData } from '../../features/map';
import { usePlans, type PlanTree } from '../../features/plans';
import { lineLabel, useRoadmapData, type RoadmapRows } from '../../features/roadmap';
import { findingLink, findingReason, findingSentence, repairLabel } from '../../features/sync/integrityText';
import { usePlanReport, type PlanReportData } from '../../report/docs/usePlanReport';
import { OfferReport } from '../../report/docs/OfferReport';
import { PlanReport } from '../../report/docs/PlanReport';
import { QuoteReport } from '../../report/docs/QuoteReport';
import { RetreatReport } from '../../report/docs/RetreatReport';
import { PortfolioReport } from '../../report/docs/PortfolioReport';
import { MemoReport } from '../../report/docs/MemoReport';
import { MemoPage, MemosPage } from '../../features/memos/pages';
import { AccountPage, AccountsPage } from '../../features/accounts';
import { ClubPage, OfferPage, RetreatPage } from '../../features/club/pages';
import { ItemPage, QuoteCompare, QuotePage, RoadmapPage } from '../../features/roadmap/pages';
import { IntegritySection } from '../../features/sync';
import { ConflictsSection } from '../../features/sync/components/ConflictsSection';
import { DevicesSection } from '../../features/sync/components/DevicesSection';
import { ACCOUNT_TABS, CLUB_VIEWS, PORTFOLIO_VIEWS, ROADMAP_VIEWS } from '../../stores/route';
import { WorkspaceContext } from '../../db/context';
import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import { cardWords, CardWordsContext } from '../../features/map/components/cardWords';
import { CoverageView } from '../../features/map/components/CoverageView';
import { lineLabelKey } from '../../features/map/components/known';
import { MapQualityBadge } from '../../features/map/components/MapQualityBadge';
import { PeopleList } from '../../features/map/components/PeopleList';
import { PersonNode, type PersonNodeType } from '../../features/map/components/PersonNode';
import { PowerGrid } from '../../features/map/components/PowerGrid';
import { TopFiveReview } from '../../features/map/components/TopFiveReview';
import { lineEdge } from '../../features/map/components/useCanvasNodes';
import type { MapActions } from '../../features/map/hooks/useMapActions';
import { useToday } from '../../lib/today';
import type { AccountRow, MemoRow, WaypointDB } from '../../db/database';
import { listIntegrityIssues } from '../../db/integrity';
import { SYNCED_TABLES } from '../../db/schema';
import type { Workspace } from '../../db/workspace';
import { settle } from './fuzz.fixtures';

/**
 * Everything the screens and printed documents derive, computed from the data the screens' own
 * hooks load (rendered with fuzz.fixtures' settle), called the way the screens call it.
 * Needs `dexie-react-hooks` and `db/sharedQuery` mocked with liveQueryOnce in the test file.
 */
interface Seen {
  list?: AccountListItem[];
  roadmap?: RoadmapRows;
  club?: ClubData;
  memberships?: ReadonlyMap<string, string>;
  health?: ReadonlyMap<string, number>;
  readonly accounts: Map<string, { account: AccountRow | null | undefined; plans: PlanTree[] | undefined; map: MapData | undefined }>;
  readonly reports: Map<string, PlanReportData | null | undefined>;
}

function AccountProbe({ id, seen }: { id: string; seen: Seen }) {
  seen.accounts.set(id, { account: useAccount(id), plans: usePlans(id), map: useMapData(id) });
  return null;
}

function PlanProbe({ id, seen }: { id: string; seen: Seen }) {
  seen.reports.set(id, usePlanReport(id));
  return null;
}

function Probe({ accountIds, planIds, seen }: { accountIds: readonly string[]; planIds: readonly string[]; seen: Seen }) {
  seen.list = useAccountList();
  seen.roadmap = useRoadmapData();
  seen.club = useClubData();
  seen.memberships = useMemberships();
  // The health a memo's affected customers are shown with, from the hook the memo page uses.
  seen.health = usePortfolioHealth(seen.roadmap ? [...seen.roadmap.accounts.values()] : undefined);
  return createElement(
    Fragment,
    null,
    accountIds.map((id) => createElement(AccountProbe, { key: `a${id}`, id, seen })),
    planIds.map((id) => createElement(PlanProbe, { key: `p${id}`, id, seen })),
  );
}

const noop = () => Promise.resolve(null);
/** Map actions that do nothing: the views are only rendered here. */
const actions = new Proxy({}, { get: () => noop }) as MapActions;

/** The map tab's views over one account's map (the canvas's cards and edges, list, grid, coverage, top 5, quality). */
function MapViews({ accountId }: { accountId: string }) {
  const data = useMapData(accountId);
  const today = useToday();
  if (!data) return null;
  const names = new Map(data.people.map((p) => [p.id, p.name]));
  for (const l of data.lines)
    lineEdge(l, 'r', 'l', i18next.t(lineLabelKey(l.kind), { from: names.get(l.from) ?? '', to: names.get(l.to) ?? '' }));
  const cards = data.people.map((person) =>
    createElement(PersonNode, {
      key: person.id,
      id: person.id,
      data: { person, fresh: freshness(data.last.get(person.id), today, DEFAULT_FRESHNESS) },
      selected: false,
    } as unknown as NodeProps<PersonNodeType>),
  );
  return createElement(
    Fragment,
    null,
    createElement(ReactFlowProvider, null, createElement(CardWordsContext.Provider, { value: cardWords(i18next.t) }, cards)),
    createElement(PeopleList, { data, today, actions, onEdit: () => undefined }),
    createElement(PowerGrid, { data, actions }),
    createElement(CoverageView, { data, today }),
    createElement(TopFiveReview, { data, today, actions }),
    createElement(MapQualityBadge, { data }),
  );
}

/** Ids a route may carry that no row has (a stale link, a hostile one). */
const STRAY_IDS = ['missing', '__proto__', 'constructor'];

/** Renders `el` inside the workspace until its live queries settle. */
export const renderWith = (ws: Workspace, el: ReactElement): Promise<string> =>
  settle(() => renderToStaticMarkup(createElement(WorkspaceContext.Provider, { value: ws }, el)));

/** A character XML 1.0 forbids (C0 controls but tab and line ends, U+FFFE/FFFF) or a lone surrogate. */
function xmlInvalid(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xdc00 && c <= 0xdfff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}

/**
 * Every live memo's rows as its page reads them (useMemoRows): the memo, its live options in
 * order, its views and fair exits, and the live memos it supersedes and is superseded by.
 */
async function storedMemos(db: WaypointDB): Promise<MemoRows[]> {
  const [memos, options, views, exits] = await Promise.all([
    db.memos.toArray().then((r) => readRows('memos', r)),
    db.memoOptions.toArray().then((r) => readRows('memoOptions', r)),
    db.memoViews.toArray().then((r) => readRows('memoViews', r)),
    db.memoExits.toArray().then((r) => readRows('memoExits', r)),
  ]);
  const byId = new Map(memos.map((m) => [m.id, m]));
  const linked = (id: string | null): MemoRow | null => {
    const m = id === null ? undefined : byId.get(id);
    return m && !m.deleted ? m : null;
  };
  const of = <R extends { memoId: string; deleted: boolean }>(rows: readonly R[], memoId: string) =>
    rows.filter((r) => !r.deleted && r.memoId === memoId);
  return memos
    .filter((m) => !m.deleted)
    .map((memo) => ({
      memo,
      options: of(options, memo.id).sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id)),
      views: of(views, memo.id),
      exits: of(exits, memo.id),
      supersedes: linked(memo.supersedes),
      supersededBy: linked(memo.supersededBy),
    }));
}

/** Loads every screen's data through its hooks and runs every derivation over it; throws when one does. */
export async function deriveEverything(ws: Workspace): Promise<{ accounts: number; quotes: number; findings: number; memos: number }> {
  const db = ws.db;
  for (const t of SYNCED_TABLES) readRows(t, (await db.table(t).toArray()) as object[]);
  const accountIds = [...((await db.accounts.toCollection().primaryKeys()) as string[]), ...STRAY_IDS];
  const planIds = [...((await db.plans.toCollection().primaryKeys()) as string[]), ...STRAY_IDS];
  const seen: Seen = { accounts: new Map(), reports: new Map() };
  await renderWith(ws, createElement(Probe, { accountIds, planIds, seen }));
  const today = toIsoDate(new Date());
  const thresholds = DEFAULT_FRESHNESS;

  // The accounts list: every filter facet and sort the list offers.
  const list = seen.list!;
  for (const key of SORT_KEYS) for (const dir of ['asc', 'desc'] as const) sortAccounts(list, key, dir);
  for (const it of list) filterAccounts(list, { text: it.name.slice(0, 3), sizeClass: it.sizeClass, bucket: it.bucket, owner: it.owner });
  ownersOf(list);

  // The roadmap: demand, loads, every quote as its page and the printed quote show it.
  const roadmap = seen.roadmap!;
  const demand = demandByItem(roadmap);
  for (const [q] of quarterLoads(roadmap.items)) capacityOf(q, roadmap.capacity, roadmap.settings);
  for (const quote of roadmap.quotes) {
    const ev = evaluateInRoadmap(roadmap, quote);
    slipsFor(roadmap, quote, demand);
    for (const line of ev.price.lines) lineLabel(line, quote.currency, i18next.t);
  }

  // Every memo: each option's figures, what a decision would freeze and what changed since one
  // (deriveMemo, as the memo page and the printed memo call it), before and after health is read.
  const memos = await storedMemos(db);
  for (const rows of memos) for (const health of [undefined, seen.health]) deriveMemo(rows, roadmap, health);

  // Every account page: figures, checks, plans, the map, its SVG and the org layout.
  for (const [id, { account, plans, map }] of seen.accounts) {
    if (account && plans) {
      const facts = accountRoadmapFacts(roadmap, id);
      const checks = accountChecks(
        account,
        { today, planCount: plans.length, actions: plans.flatMap((p) => p.actions), map, roadmap: facts },
        { ...DEFAULT_CHECK_SETTINGS, freshness: thresholds },
      );
      healthScore(checks);
      penetration(account.arr, account.potentialArr);
      profitContribution(account);
      for (const p of plans) {
        planProgress(p.actions, today);
        for (const a of p.actions) isOverdue(a, today);
      }
    }
    if (!map) continue;
    topFive(map.people);
    mapQuality(map.people);
    coverage(map.people, map.last, today);
    for (const p of map.people) freshness(map.last.get(p.id), today, thresholds);
    const svg = mapSvgFor(map, today, thresholds, account?.name ?? '');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<script');
    expect(xmlInvalid(svg), 'the SVG is valid XML').toBe(false);
    orgChartLayout(map.people, map.lines);
    if (map.people.length > 1) orgChartLayout(map.people, map.lines, new Set(map.people.slice(0, 2).map((p) => p.id)));
  }

  // The club: seats, every offer's comparison and recommendation, every retreat as its page shows it.
  const club = seen.club!;
  seatsUsed(club.members);
  seatCostPerYear(club.program);
  for (const o of club.offers) recommendationText(o, recommend(o, compareOffer(o)));
  const members = new Set(club.members.filter((m) => m.status === 'member').map((m) => m.accountId));
  for (const r of club.retreats) {
    const attendees = club.attendees.filter((a) => a.retreatId === r.id);
    retreatConflicts(
      r,
      club.sessions.filter((s) => s.retreatId === r.id),
      attendees,
      members,
    );
    budgetSummary(r, attendees);
  }

  // The portfolio: every figure of every view over the stored rows, in the workspace's currency.
  const portfolio = await readPortfolio(db);
  const curve = whaleCurve(portfolio.portfolio.rows);
  for (const n of [0, 1, curve.count, curve.count + 1]) exitBottom(curve, n);
  whaleChartPoints(curve);
  whaleBars(curve);
  namedOutliers(costMarginMatrix(portfolio.portfolio.rows));
  bucketColumns([...portfolio.portfolio.rows]);
  spiralCounts(portfolio.portfolio.rows);
  rotationsDue(portfolio.accounts, today);
  accountsAtRisk(portfolio.portfolio.rows, new Map());
  for (const seg of portfolio.segments) segmentFigures(seg, portfolio.portfolio.rows, portfolio.settings);

  // "To review" on the Sync page: every finding in words, with its repair.
  const findings = await listIntegrityIssues(ws);
  for (const f of findings) {
    expect(findingSentence(f).length).toBeGreaterThan(0);
    findingReason(f);
    findingLink(f);
    const plan = repairFor(f);
    if (plan.kind === 'auto') repairLabel(plan);
  }
  return { accounts: list.length, quotes: roadmap.quotes.length, findings: findings.length, memos: memos.length };
}

/**
 * The HTML outside <style> elements: a page style's text is CSS (PageStyle quotes the account
 * name as a CSS string, and the app sets it as text, never parsed as HTML).
 */
const markup = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/g, '');

const idsOf = async (ws: Workspace, table: (typeof SYNCED_TABLES)[number]): Promise<string[]> => [
  ...((await ws.db.table(table).toCollection().primaryKeys()) as string[]),
  ...STRAY_IDS,
];

/** The printed documents and the screens rendered over the workspace; returns how many were rendered. */
export async function renderEverything(ws: Workspace): Promise<number> {
  const [accounts, plans, items, quotes, offers, retreats, memos] = await Promise.all(
    ['accounts', 'plans', 'roadmapItems', 'quotes', 'offers', 'retreats', 'memos'].map((t) =>
      idsOf(ws, t as (typeof SYNCED_TABLES)[number]),
    ),
  );
  const funded = (await ws.db.quotes.toArray()).flatMap((q) =>
    Array.isArray(q.funders) ? q.funders.map((f) => `${q.id}~${String(f?.accountId)}`) : [],
  );
  const docs: ReactElement[] = [
    ...plans!.map((id) => createElement(PlanReport, { planId: id })),
    ...[...quotes!, ...funded].map((id) => createElement(QuoteReport, { id })),
    ...offers!.map((id) => createElement(OfferReport, { id })),
    ...retreats!.map((id) => createElement(RetreatReport, { id })),
    ...['all', 'owner=__proto__&bucket=4&segment=constructor', 'region=%E5%8C%97%E4%BA%AC&size=rabbit'].map((id) =>
      createElement(PortfolioReport, { id }),
    ),
    ...memos!.map((id) => createElement(MemoReport, { id })),
  ];
  for (const el of docs) {
    const html = await renderWith(ws, el);
    expect(html).toMatch(/data-report-ready="true"/);
    expect(markup(html)).not.toContain('<script');
  }
  const screens: ReactElement[] = [
    // The Sync page's sections that show rows (the folder and file sections need the shell's bridge).
    createElement(ConflictsSection),
    createElement(IntegritySection),
    createElement(DevicesSection),
    createElement(AccountsPage),
    // The map tab's canvas needs a DOM (React Flow); its views are rendered below from the same data.
    ...accounts!.flatMap((id) => ACCOUNT_TABS.filter((tab) => tab !== 'map').map((tab) => createElement(AccountPage, { id, tab }))),
    ...accounts!.map((id) => createElement(MapViews, { accountId: id })),
    ...ROADMAP_VIEWS.map((view) => createElement(RoadmapPage, { view })),
    ...items!.map((id) => createElement(ItemPage, { id })),
    ...quotes!.map((id) => createElement(QuotePage, { id })),
    createElement(QuoteCompare, { ids: quotes! }),
    ...CLUB_VIEWS.map((view) => createElement(ClubPage, { view })),
    ...PORTFOLIO_VIEWS.map((view) => createElement(PortfolioPage, { view, filter: NO_PORTFOLIO_FILTER })),
    ...offers!.map((id) => createElement(OfferPage, { id })),
    ...retreats!.map((id) => createElement(RetreatPage, { id })),
    createElement(MemosPage),
    ...memos!.map((id) => createElement(MemoPage, { id })),
  ];
  for (const el of screens) expect(markup(await renderWith(ws, el))).not.toContain('<script');
  return docs.length + screens.length;
}
