import { materialiseSample } from '@shared/domain/sample';
import type { IsoDate } from '@shared/domain/dates';
import type { ActionFields, ObjectiveFields, PlanFields, RiskFields } from '@shared/domain/plan';
import type { AccountFields } from '@shared/domain/account';
import type { ContactFields, LineFields, PersonFields } from '@shared/domain/stakeholders';
import { orgChartLayout } from '@shared/domain/orgLayout';
import { materialiseSampleRoadmap } from '@shared/domain/sampleRoadmap';
import {
  ROADMAP_SETTINGS_ID,
  type CapacityFields,
  type RequestFields,
  type RoadmapItemFields,
  type RoadmapSettings,
} from '@shared/domain/roadmap';
import type { QuoteFields } from '@shared/domain/acceleration';
import { materialiseSampleClub } from '@shared/domain/sampleClub';
import { CLUB_PROGRAM_ID, type ClubProgramFields, type MemberFields, type OfferFields } from '@shared/domain/club';
import type { AttendeeFields, RetreatFields, SessionFields } from '@shared/domain/retreat';
import sampleData from '../../../assets/sample-workspace.json';
import type { SegmentFields } from '@shared/domain/segment';
import { readRows } from '@shared/domain/tables';
import type { SegmentRow } from './database';
import { SYNCED_TABLES, type SyncedTable } from './schema';
import { DEFAULT_SAMPLE_NAME, planSample, readSampleState, type SampleName, type SamplePlan, type SampleState } from './samplePlan';
import { runIntent, type Intent, type Workspace, type Writer } from './workspace';

export interface SampleOptions {
  /** How a sample name already in use here is told apart (translated by the caller). */
  readonly rename?: SampleName;
}

function materialise(today: IsoDate) {
  const sample = materialiseSample(sampleData, today);
  const roadmap = materialiseSampleRoadmap(sampleData.roadmap, today);
  const club = materialiseSampleClub(sampleData.club, today);
  const outline = {
    accountNames: sample.accounts.map((a) => a.fields.name),
    itemTitles: roadmap.items.map((i) => i.fields.title),
    retreatTitles: club.retreats.map((r) => r.fields.title),
    program: club.program,
    memberStatuses: club.members.map((m) => m.status),
    capacityQuarters: roadmap.capacity.map((c) => c.quarter),
  };
  return { sample, roadmap, club, outline };
}

/** What loading the sample now would do: the question asked before loading beside the user's data. */
export interface SamplePreview extends SamplePlan {
  readonly yourAccounts: number;
  readonly sampleAccounts: number;
  readonly sampleMembers: number;
}

export async function previewSampleWorkspace(ws: Workspace, today: IsoDate, options: SampleOptions = {}): Promise<SamplePreview> {
  const { outline } = materialise(today);
  const state: SampleState = await ws.db.transaction('r', [...SYNCED_TABLES], (tx) =>
    readSampleState(<R>(name: SyncedTable) => tx.table<R, string>(name)),
  );
  const plan = planSample(state, outline, options.rename ?? DEFAULT_SAMPLE_NAME);
  return {
    ...plan,
    yourAccounts: state.liveAccounts,
    sampleAccounts: outline.accountNames.length,
    sampleMembers: outline.memberStatuses.length,
  };
}

/** A one-of-a-kind row (natural id) nobody holds live: written, or revived when only its tombstone is left. */
async function putFree<T extends object>(w: Writer, table: 'settings' | 'capacity', id: string, fields: T): Promise<void> {
  if (await w.table(table).get(id)) await w.update<T>(table, id, { ...fields, deleted: false });
  else await w.insert<T>(table, fields, id);
}

/**
 * Loads the shipped sample workspace (a dozen accounts with plans, maps, roadmap and club) in one
 * transaction, beside whatever is there (samplePlan.ts): the user's program, settings and capacity
 * are kept, the roster stays under the seat cap, names in use are distinguished.
 */
export async function loadSampleWorkspace(ws: Workspace, today: IsoDate, options: SampleOptions = {}): Promise<Intent> {
  const { sample, roadmap, club, outline } = materialise(today);
  const { intent } = await runIntent(ws, 'loadSample', async (w) => {
    const fit = planSample(
      await readSampleState(<R>(name: SyncedTable) => w.table<R>(name)),
      outline,
      options.rename ?? DEFAULT_SAMPLE_NAME,
    );
    const accounts = await w.insertMany<AccountFields>(
      'accounts',
      sample.accounts.map((a, i) => ({ ...a.fields, name: fit.accountNames[i]! })),
    );
    const idByKey = new Map(sample.accounts.map((a, i) => [a.key, accounts[i]!.id]));
    for (const p of sample.plans) {
      const accountId = idByKey.get(p.accountKey);
      if (!accountId) continue;
      const plan = await w.insert<PlanFields>('plans', {
        accountId,
        title: p.title,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        summary: p.summary,
      });
      let oSort = 0;
      for (const o of p.objectives) {
        const objective = await w.insert<ObjectiveFields>('objectives', { planId: plan.id, title: o.title, sort: ++oSort });
        let aSort = 0;
        for (const a of o.actions) {
          await w.insert<ActionFields>('actions', {
            planId: plan.id,
            objectiveId: objective.id,
            title: a.title,
            owner: a.owner,
            dueDate: a.dueDate,
            status: a.status,
            sort: ++aSort,
          });
        }
      }
      let rSort = 0;
      for (const r of p.risks) await w.insert<RiskFields>('risks', { planId: plan.id, ...r, sort: ++rSort });
    }
    // Stakeholder maps, laid out as org charts from their reports-to lines.
    const personId = new Map<string, { id: string; accountId: string }>();
    for (const accountKey of new Set(sample.people.map((p) => p.accountKey))) {
      const accountId = idByKey.get(accountKey);
      if (!accountId) continue;
      const group = sample.people.filter((p) => p.accountKey === accountKey);
      const reports = group.filter((p) => p.managerKey).map((p) => ({ from: p.key, to: p.managerKey!, kind: 'reportsTo' as const }));
      const positions = orgChartLayout(
        group.map((p) => ({ id: p.key, x: 0, y: 0 })),
        reports,
      );
      for (const p of group) {
        const at = positions.get(p.key) ?? { x: 0, y: 0 };
        const row = await w.insert<PersonFields>('people', { ...p.fields, accountId, x: at.x, y: at.y });
        personId.set(p.key, { id: row.id, accountId });
      }
      for (const l of reports)
        await w.insert<LineFields>('lines', { accountId, from: personId.get(l.from)!.id, to: personId.get(l.to)!.id, kind: 'reportsTo' });
    }
    for (const l of sample.lines) {
      const from = personId.get(l.from);
      const to = personId.get(l.to);
      if (from && to) await w.insert<LineFields>('lines', { accountId: from.accountId, from: from.id, to: to.id, kind: l.kind });
    }
    for (const c of sample.contacts) {
      const who = personId.get(c.personKey);
      if (who)
        await w.insert<ContactFields>('contacts', {
          accountId: who.accountId,
          personId: who.id,
          date: c.date,
          channel: c.channel,
          attendee: c.attendee,
          notes: c.notes,
        });
    }
    // Market segments, unless one of the same name is already there (a second load adds none).
    const segmentNames = new Set(
      readRows('segments', await w.table<SegmentRow>('segments').toArray())
        .filter((g) => !g.deleted)
        .map((g) => g.name.trim().toLocaleLowerCase()),
    );
    for (const g of sample.segments) if (!segmentNames.has(g.name.toLocaleLowerCase())) await w.insert<SegmentFields>('segments', g);
    // The roadmap: items with the accounts asking for them, capacity, and a few quotes.
    if (fit.writeSettings) await putFree<Partial<RoadmapSettings>>(w, 'settings', ROADMAP_SETTINGS_ID, roadmap.settings);
    for (const c of roadmap.capacity)
      if (fit.capacityQuarters.includes(c.quarter)) await putFree<CapacityFields>(w, 'capacity', c.quarter, c);
    const itemId = new Map<string, string>();
    for (const [n, i] of roadmap.items.entries()) {
      // An accepted sample quote has already moved its item: written that way, in one insert.
      const accepted = roadmap.quotes.find((q) => q.itemId === i.key && q.status === 'accepted');
      const named = { ...i.fields, title: fit.itemTitles[n]! };
      const fields = accepted ? { ...named, plannedQuarter: accepted.targetQuarter, acceleratedFrom: i.fields.plannedQuarter } : named;
      const row = await w.insert<RoadmapItemFields>('roadmapItems', fields);
      itemId.set(i.key, row.id);
      for (const r of i.requests) {
        const accountId = idByKey.get(r.accountKey);
        if (accountId)
          await w.insert<RequestFields>('requests', { itemId: row.id, accountId, importance: r.importance, note: r.note, retreatId: null });
      }
    }
    for (const q of roadmap.quotes) {
      const funders = q.funders.flatMap((f) => {
        const accountId = idByKey.get(f.accountId);
        return accountId ? [{ ...f, accountId }] : [];
      });
      const id = itemId.get(q.itemId);
      if (!id || funders.length === 0) continue;
      await w.insert<QuoteFields>('quotes', { ...q, itemId: id, funders });
    }
    // The club: program, roster, an offer, a retreat with its agenda, attendees and captured requests.
    if (fit.writeProgram) await putFree<ClubProgramFields>(w, 'settings', CLUB_PROGRAM_ID, club.program);
    const byKey = (key: string) => [...personId].find(([k]) => k === key)?.[1];
    for (const [n, m] of club.members.entries()) {
      const accountId = idByKey.get(m.accountKey);
      if (!accountId) continue;
      const sponsor = [...personId.entries()].find(
        ([k, v]) => v.accountId === accountId && sample.people.find((p) => p.key === k)?.fields.name === m.theirSponsorName,
      );
      // A member beyond the free seats joins as a candidate: no seat, so no "since".
      const status = fit.memberStatuses[n]!;
      const since = status === m.status ? m.since : null;
      await w.insert<MemberFields>('members', {
        accountId,
        status,
        since,
        ourSponsor: m.ourSponsor,
        theirSponsorId: sponsor?.[1].id ?? null,
        theirSponsorName: m.theirSponsorName,
      });
    }
    for (const o of club.offers) {
      const accountId = idByKey.get(o.accountId);
      if (accountId) await w.insert<OfferFields>('offers', { ...o, accountId });
    }
    for (const [n, r] of club.retreats.entries()) {
      const retreat = await w.insert<RetreatFields>('retreats', { ...r.fields, title: fit.retreatTitles[n]! });
      for (const s of r.sessions) await w.insert<SessionFields>('sessions', { ...s, retreatId: retreat.id });
      for (const a of r.attendees) {
        const accountId = idByKey.get(a.accountKey);
        const person = a.personKey ? byKey(a.personKey) : undefined;
        const name = person ? (sample.people.find((p) => p.key === a.personKey)?.fields.name ?? a.name) : a.name;
        if (accountId)
          await w.insert<AttendeeFields>('attendees', {
            retreatId: retreat.id,
            accountId,
            personId: person?.id ?? null,
            name,
            role: a.role,
          });
      }
      for (const q of r.requests) {
        const accountId = idByKey.get(q.accountKey);
        const item = itemId.get(q.itemKey);
        if (accountId && item)
          await w.insert<RequestFields>('requests', {
            itemId: item,
            accountId,
            importance: q.importance,
            note: q.note,
            retreatId: retreat.id,
          });
      }
    }
  });
  return intent;
}
