import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QuoteFields } from '../../shared/domain/acceleration';
import type { AccountFields } from '../../shared/domain/account';
import type { IsoDate } from '../../shared/domain/dates';
import { resolveSettings, type RequestFields, type RoadmapItemFields } from '../../shared/domain/roadmap';
import type { RoadmapData } from '../../shared/domain/roadmapView';
import { materialiseSample, type SamplePerson } from '../../shared/domain/sample';
import { materialiseSampleClub, type MaterialisedClub } from '../../shared/domain/sampleClub';
import { materialiseSampleRoadmap } from '../../shared/domain/sampleRoadmap';

/*
 * The sample workspace as "Load sample workspace" writes it (renderer/src/db/sample.ts), built
 * here in Node from assets/sample-workspace.json with the same shared/domain functions, and
 * shaped as the roadmap screens and printed documents read it (useRoadmapData): the expected
 * figures of a printed document are computed from this, never read from the app.
 *
 * Records are keyed by the sample's own keys ("a2", "r1") instead of the app's random ids.
 */

const SAMPLE_FILE = fileURLToPath(new URL('../../assets/sample-workspace.json', import.meta.url));

export type SampleRequest = RequestFields & { readonly id: string };
export type SampleQuote = QuoteFields & { readonly id: string };

export interface SampleWorld {
  readonly today: IsoDate;
  /** Accounts by sample key. */
  readonly accounts: ReadonlyMap<string, AccountFields>;
  /** Stakeholders by sample key. */
  readonly people: ReadonlyMap<string, SamplePerson>;
  /** The roadmap as useRoadmapData() returns it: what evaluateInRoadmap() takes. */
  readonly roadmap: RoadmapData & { readonly requests: readonly SampleRequest[]; readonly quotes: readonly SampleQuote[] };
  readonly club: MaterialisedClub;
  /** The id each sample retreat's captured requests carry in `roadmap.requests` ("retreat:<index>"). */
  readonly retreatId: (index: number) => string;
  accountName(key: string): string;
}

const retreatId = (index: number) => `retreat:${index}`;

/** The sample workspace loaded on `today` (the browser's date: the app dates the sample from it). */
export function sampleWorld(today: IsoDate): SampleWorld {
  const raw = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { roadmap: unknown; club: unknown };
  const sample = materialiseSample(raw, today);
  const accounts = new Map(sample.accounts.map((a) => [a.key, a.fields]));
  const roadmap = materialiseSampleRoadmap(raw.roadmap, today);
  const club = materialiseSampleClub(raw.club, today);

  // Items: an accepted sample quote has already moved its item to the quote's target quarter.
  const items: Array<RoadmapItemFields & { id: string }> = roadmap.items.map((i) => {
    const accepted = roadmap.quotes.find((q) => q.itemId === i.key && q.status === 'accepted');
    return {
      id: i.key,
      ...(accepted ? { ...i.fields, plannedQuarter: accepted.targetQuarter, acceleratedFrom: i.fields.plannedQuarter } : i.fields),
    };
  });
  const requests: SampleRequest[] = [
    ...roadmap.items.flatMap((i) =>
      i.requests.map((r, n) => ({
        id: `${i.key}:${n}`,
        itemId: i.key,
        accountId: r.accountKey,
        importance: r.importance,
        note: r.note,
        retreatId: null,
      })),
    ),
    ...club.retreats.flatMap((t, ti) =>
      t.requests.map((r, n) => ({
        id: `${retreatId(ti)}:${n}`,
        itemId: r.itemKey,
        accountId: r.accountKey,
        importance: r.importance,
        note: r.note,
        retreatId: retreatId(ti),
      })),
    ),
  ].filter((r) => accounts.has(r.accountId));
  const quotes: SampleQuote[] = roadmap.quotes
    .map((q, n) => ({ ...q, id: `quote:${n}`, funders: q.funders.filter((f) => accounts.has(f.accountId)) }))
    .filter((q) => q.funders.length > 0);

  return {
    today,
    accounts,
    people: new Map(sample.people.map((p) => [p.key, p])),
    roadmap: {
      items,
      requests,
      quotes,
      capacity: new Map(roadmap.capacity.map((c) => [c.quarter, c.engineerMonths])),
      settings: resolveSettings(roadmap.settings),
      accounts: new Map(
        sample.accounts.map((a) => [
          a.key,
          { id: a.key, name: a.fields.name, arr: a.fields.arr, currency: a.fields.currency, bucket: a.fields.bucket },
        ]),
      ),
    },
    club,
    retreatId,
    accountName(key) {
      const a = accounts.get(key);
      if (!a) throw new Error(`no sample account ${key}`);
      return a.name;
    },
  };
}
