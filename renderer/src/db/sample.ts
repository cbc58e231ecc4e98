import { materialiseSample } from '@shared/domain/sample';
import type { IsoDate } from '@shared/domain/dates';
import type { ActionFields, ObjectiveFields, PlanFields, RiskFields } from '@shared/domain/plan';
import type { AccountFields } from '@shared/domain/account';
import type { ContactFields, LineFields, PersonFields } from '@shared/domain/stakeholders';
import { orgChartLayout } from '@shared/domain/orgLayout';
import { materialiseSampleRoadmap } from '@shared/domain/sampleRoadmap';
import { ROADMAP_SETTINGS_ID, type CapacityFields, type RequestFields, type RoadmapItemFields, type RoadmapSettings } from '@shared/domain/roadmap';
import type { QuoteFields } from '@shared/domain/acceleration';
import { materialiseSampleClub } from '@shared/domain/sampleClub';
import { CLUB_PROGRAM_ID, type ClubProgramFields, type MemberFields, type OfferFields } from '@shared/domain/club';
import type { AttendeeFields, RetreatFields, SessionFields } from '@shared/domain/retreat';
import sampleData from '../../../assets/sample-workspace.json';
import { runIntent, type Intent, type Workspace } from './workspace';

/** Loads the shipped sample workspace (a dozen accounts with plans) in one transaction. */
export async function loadSampleWorkspace(ws: Workspace, today: IsoDate): Promise<Intent> {
  const sample = materialiseSample(sampleData, today);
  const { intent } = await runIntent(ws, 'loadSample', async (w) => {
    const accounts = await w.insertMany<AccountFields>('accounts', sample.accounts.map((a) => a.fields));
    const idByKey = new Map(sample.accounts.map((a, i) => [a.key, accounts[i]!.id]));
    for (const p of sample.plans) {
      const accountId = idByKey.get(p.accountKey);
      if (!accountId) continue;
      const plan = await w.insert<PlanFields>('plans', { accountId, title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, summary: p.summary });
      let oSort = 0;
      for (const o of p.objectives) {
        const objective = await w.insert<ObjectiveFields>('objectives', { planId: plan.id, title: o.title, sort: ++oSort });
        let aSort = 0;
        for (const a of o.actions) {
          await w.insert<ActionFields>('actions', { planId: plan.id, objectiveId: objective.id, title: a.title, owner: a.owner, dueDate: a.dueDate, status: a.status, sort: ++aSort });
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
      const positions = orgChartLayout(group.map((p) => ({ id: p.key, x: 0, y: 0 })), reports);
      for (const p of group) {
        const at = positions.get(p.key) ?? { x: 0, y: 0 };
        const row = await w.insert<PersonFields>('people', { ...p.fields, accountId, x: at.x, y: at.y });
        personId.set(p.key, { id: row.id, accountId });
      }
      for (const l of reports) await w.insert<LineFields>('lines', { accountId, from: personId.get(l.from)!.id, to: personId.get(l.to)!.id, kind: 'reportsTo' });
    }
    for (const l of sample.lines) {
      const from = personId.get(l.from);
      const to = personId.get(l.to);
      if (from && to) await w.insert<LineFields>('lines', { accountId: from.accountId, from: from.id, to: to.id, kind: l.kind });
    }
    for (const c of sample.contacts) {
      const who = personId.get(c.personKey);
      if (who) await w.insert<ContactFields>('contacts', { accountId: who.accountId, personId: who.id, date: c.date, channel: c.channel, attendee: c.attendee, notes: c.notes });
    }
    // The roadmap: items with the accounts asking for them, capacity, and a few quotes.
    const roadmap = materialiseSampleRoadmap(sampleData.roadmap, today);
    if (!(await w.table('settings').get(ROADMAP_SETTINGS_ID))) await w.insert<Partial<RoadmapSettings>>('settings', roadmap.settings, ROADMAP_SETTINGS_ID);
    for (const c of roadmap.capacity) if (!(await w.table('capacity').get(c.quarter))) await w.insert<CapacityFields>('capacity', c, c.quarter);
    const itemId = new Map<string, string>();
    for (const i of roadmap.items) {
      // An accepted sample quote has already moved its item: written that way, in one insert.
      const accepted = roadmap.quotes.find((q) => q.itemId === i.key && q.status === 'accepted');
      const fields = accepted ? { ...i.fields, plannedQuarter: accepted.targetQuarter, acceleratedFrom: i.fields.plannedQuarter } : i.fields;
      const row = await w.insert<RoadmapItemFields>('roadmapItems', fields);
      itemId.set(i.key, row.id);
      for (const r of i.requests) {
        const accountId = idByKey.get(r.accountKey);
        if (accountId) await w.insert<RequestFields>('requests', { itemId: row.id, accountId, importance: r.importance, note: r.note, retreatId: null });
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
    const club = materialiseSampleClub(sampleData.club, today);
    if (!(await w.table('settings').get(CLUB_PROGRAM_ID))) await w.insert<ClubProgramFields>('settings', club.program, CLUB_PROGRAM_ID);
    const byKey = (key: string) => [...personId].find(([k]) => k === key)?.[1];
    for (const m of club.members) {
      const accountId = idByKey.get(m.accountKey);
      if (!accountId) continue;
      const sponsor = [...personId.entries()].find(([k, v]) => v.accountId === accountId && sample.people.find((p) => p.key === k)?.fields.name === m.theirSponsorName);
      await w.insert<MemberFields>('members', { accountId, status: m.status, since: m.since, ourSponsor: m.ourSponsor, theirSponsorId: sponsor?.[1].id ?? null, theirSponsorName: m.theirSponsorName });
    }
    for (const o of club.offers) {
      const accountId = idByKey.get(o.accountId);
      if (accountId) await w.insert<OfferFields>('offers', { ...o, accountId });
    }
    for (const r of club.retreats) {
      const retreat = await w.insert<RetreatFields>('retreats', r.fields);
      for (const s of r.sessions) await w.insert<SessionFields>('sessions', { ...s, retreatId: retreat.id });
      for (const a of r.attendees) {
        const accountId = idByKey.get(a.accountKey);
        const person = a.personKey ? byKey(a.personKey) : undefined;
        const name = person ? (sample.people.find((p) => p.key === a.personKey)?.fields.name ?? a.name) : a.name;
        if (accountId) await w.insert<AttendeeFields>('attendees', { retreatId: retreat.id, accountId, personId: person?.id ?? null, name, role: a.role });
      }
      for (const q of r.requests) {
        const accountId = idByKey.get(q.accountKey);
        const item = itemId.get(q.itemKey);
        if (accountId && item) await w.insert<RequestFields>('requests', { itemId: item, accountId, importance: q.importance, note: q.note, retreatId: retreat.id });
      }
    }
  });
  return intent;
}
