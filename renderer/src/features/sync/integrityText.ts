import type { IntegrityFinding, RepairPlan } from '@shared/domain/integrity';
import { BP_ONE } from '@shared/domain/money';
import { i18next } from '../../i18n';
import { formatBp, formatNumber, locale } from '../../lib/format';
import type { Route } from '../../stores/route';

const MAX_NAME = 60;

/** A name as the sentence shows it: never empty, never a whole pasted page. */
function named(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return i18next.t('sync.integrity.unnamed');
  return chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME - 1).join('')}…` : chars.join('');
}

function list(names: readonly string[]): string {
  const shown = names.slice(0, 5).map(named);
  const rest = names.length - shown.length;
  if (rest > 0) shown.push(i18next.t('sync.integrity.andMore', { count: rest, formatted: formatNumber(rest) }));
  return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(shown);
}

/** "A → B → C → A"; a long loop shows its first six and closes through "…". */
function loopChain(names: readonly string[]): string {
  const shown = names.length <= 6 ? [...names] : [...names.slice(0, 6), '…'];
  return [...shown, names[0] ?? ''].join(' → ');
}

const statusLabel = (s: string): string => (i18next.exists(`club.status.${s}`) ? i18next.t(`club.status.${s}`) : named(s));

/** The plain sentence that says what is wrong, with the names of the people, accounts and items. */
export function findingSentence(f: IntegrityFinding): string {
  const t = (key: string, params: Record<string, string | number>) => i18next.t(`sync.integrity.sentence.${key}`, params);
  switch (f.kind) {
    case 'reportingLoop':
      if (f.people.length === 2)
        return t('reportingLoopPair', { a: named(f.people[0]!.name), b: named(f.people[1]!.name), account: named(f.accountName) });
      return t('reportingLoop', {
        chain: loopChain(f.people.map((p) => named(p.name))),
        count: f.people.length,
        formatted: formatNumber(f.people.length),
        account: named(f.accountName),
      });
    case 'twoManagers':
      return t('twoManagers', {
        person: named(f.person.name),
        count: f.managers.length,
        managers: list(f.managers.map((m) => m.name)),
        account: named(f.accountName),
      });
    case 'seatsOverCap':
      return t('seatsOverCap', { program: named(f.programName), used: formatNumber(f.used), cap: formatNumber(f.cap) });
    case 'duplicateMember':
      return t('duplicateMember', { account: named(f.accountName), count: f.members.length, formatted: formatNumber(f.members.length) });
    case 'twoAcceptedQuotes':
      return t('twoAcceptedQuotes', {
        item: f.item ? named(f.item.title) : i18next.t('sync.integrity.goneItem'),
        count: f.quotes.length,
        formatted: formatNumber(f.quotes.length),
        quotes: list(f.quotes.map((q) => q.name)),
      });
    case 'sharesNot100':
      return t('sharesNot100', {
        quote: named(f.quote.name),
        item: named(f.itemTitle),
        total: formatBp(f.totalBp),
        full: formatBp(BP_ONE),
      });
  }
}

/** Why it happened and which rule it breaks. */
export const findingReason = (f: IntegrityFinding): string => i18next.t(`sync.integrity.reason.${f.kind}`);

/** What the one-click repair will do, as the button says it. */
export function repairLabel(plan: Extract<RepairPlan, { kind: 'auto' }>): string {
  const [first = '', second = ''] = plan.subjects;
  const t = (params: Record<string, string | number>) => i18next.t(`sync.integrity.repair.${plan.action}`, params);
  switch (plan.action) {
    case 'dotNewestLine':
      return t({ from: named(first), to: named(second) });
    case 'dotOtherManagers':
      return t({ keep: named(first) });
    case 'releaseLatestSeats':
      return t({ names: list(plan.subjects), count: plan.subjects.length });
    case 'removeDuplicateRows':
      return t({ status: statusLabel(first) });
    case 'keepFirstAccepted':
      return t({ keep: named(first) });
  }
}

/** Where the finding can be seen (and fixed by hand), and the link's words: the map, the roster, the item or the quote. */
export function findingLink(f: IntegrityFinding): { readonly route: Route; readonly label: string } | null {
  const link = (route: Route, key: string) => ({ route, label: i18next.t(`sync.integrity.open.${key}`) });
  switch (f.kind) {
    case 'reportingLoop':
    case 'twoManagers':
      return f.accountIds[0] ? link({ name: 'account', id: f.accountIds[0], tab: 'map' }, 'map') : null;
    case 'seatsOverCap':
    case 'duplicateMember':
      return link({ name: 'club', view: 'roster' }, 'roster');
    case 'twoAcceptedQuotes':
      return f.item ? link({ name: 'item', id: f.itemId }, 'item') : null;
    case 'sharesNot100':
      return link({ name: 'quote', id: f.quote.id }, 'quote');
  }
}
