import type { IntegrityFinding, LineRef } from './integrity';
import type { MemberStatus } from './club';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export type RepairTable = 'lines' | 'members' | 'quotes' | 'roadmapItems';
/** One field patch (or tombstone, `deleted: true`) a repair writes through the repository layer. */
export interface RepairStep {
  readonly table: RepairTable;
  readonly id: string;
  readonly patch: Readonly<Record<string, unknown>>;
}
export type RepairAction = 'dotNewestLine' | 'dotOtherManagers' | 'releaseLatestSeats' | 'removeDuplicateRows' | 'keepFirstAccepted';
/** `subjects`: the names the button's sentence needs (the line's ends, the manager kept, the accounts moved…). */
export type RepairPlan =
  | { readonly kind: 'auto'; readonly action: RepairAction; readonly subjects: readonly string[]; readonly steps: readonly RepairStep[] }
  | { readonly kind: 'manual'; readonly quoteId: string };

/** The one status that neither holds a seat nor says the account has left. */
const RELEASED: MemberStatus = 'candidate';
const pairOf = (l: LineRef) => `${l.from}\u0000${l.to}`;

/** A reports-to line turned dotted, or removed when that dotted line exists already (it would only be drawn twice). */
function dotted(l: LineRef, done: Set<string>): RepairStep {
  const twice = l.dottedTwin || done.has(pairOf(l));
  done.add(pairOf(l));
  return { table: 'lines', id: l.id, patch: twice ? { deleted: true } : { kind: 'dotted' } };
}

/**
 * The one-click repair of a finding: a loop loses its newest reports-to line (made dotted); of
 * several managers the oldest reports-to line stays, the others become dotted; seats beyond the
 * cap go, latest joined first, back to candidate; of one account's roster rows the most advanced
 * stays; of accepted quotes the first accepted stays, the others go back to sent and the item to
 * the kept quote's target. Custom shares need a person: the plan is a link to the quote.
 */
export function repairFor(f: IntegrityFinding): RepairPlan {
  switch (f.kind) {
    case 'reportingLoop': {
      const newest = f.lines.reduce<LineRef | null>(
        (best, l) =>
          !best || byText(l.updatedAt, best.updatedAt) > 0 || (l.updatedAt === best.updatedAt && byText(l.id, best.id) > 0) ? l : best,
        null,
      );
      if (!newest) return { kind: 'auto', action: 'dotNewestLine', subjects: [], steps: [] };
      const name = (id: string) => f.people.find((p) => p.id === id)?.name ?? '';
      // A second reports-to line on the same step would keep the loop closed: it goes as well.
      const done = new Set<string>();
      const steps = [
        dotted(newest, done),
        ...f.lines.filter((l) => l.id !== newest.id && pairOf(l) === pairOf(newest)).map((l) => dotted(l, done)),
      ];
      return { kind: 'auto', action: 'dotNewestLine', subjects: [name(newest.from), name(newest.to)], steps };
    }
    case 'twoManagers': {
      const [kept, ...others] = f.lines;
      const done = new Set(kept ? [pairOf(kept)] : []);
      return {
        kind: 'auto',
        action: 'dotOtherManagers',
        subjects: [f.managers.find((m) => m.id === kept?.to)?.name ?? ''],
        steps: others.map((l) => dotted(l, done)),
      };
    }
    case 'seatsOverCap': {
      const moved = f.members.slice(f.cap);
      return {
        kind: 'auto',
        action: 'releaseLatestSeats',
        subjects: moved.map((m) => m.accountName),
        steps: moved.map((m) => ({ table: 'members', id: m.id, patch: { status: RELEASED } })),
      };
    }
    case 'duplicateMember': {
      const [kept, ...others] = f.members;
      return {
        kind: 'auto',
        action: 'removeDuplicateRows',
        subjects: [kept?.status ?? ''],
        steps: others.map((m) => ({ table: 'members', id: m.id, patch: { deleted: true } })),
      };
    }
    case 'twoAcceptedQuotes': {
      const [kept, ...others] = f.quotes;
      const steps: RepairStep[] = others.map((q) => ({ table: 'quotes', id: q.id, patch: { status: 'sent' } }));
      // Accepting moved the item; it stays where the kept quote put it, whichever device's move won the merge.
      if (kept && f.item && kept.targetQuarter) {
        const from = f.item.acceleratedFrom ?? kept.fromQuarter;
        steps.push({
          table: 'roadmapItems',
          id: f.item.id,
          patch: { plannedQuarter: kept.targetQuarter, ...(from ? { acceleratedFrom: from } : {}) },
        });
      }
      return { kind: 'auto', action: 'keepFirstAccepted', subjects: [kept?.name ?? ''], steps };
    }
    case 'sharesNot100':
      return { kind: 'manual', quoteId: f.quote.id };
  }
}
