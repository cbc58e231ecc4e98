import type { Table } from 'dexie';
import { CLUB_PROGRAM_ID, clubProgramOf, SEAT_STATUSES, seatsUsed, type ClubProgramFields, type MemberStatus } from '@shared/domain/club';
import { ROADMAP_SETTINGS_ID } from '@shared/domain/roadmap';
import type { SyncedTable } from './schema';

/**
 * How the sample workspace goes in beside what is already there without breaking a rule:
 * the user's one-of-a-kind rows (club program, roadmap settings, a quarter's capacity) are kept,
 * the roster stays within the seat cap, and names already in use are told apart.
 */

/** Turns a name that is taken into its n-th distinguished form ("Nordhavn (sample)", "… (sample 2)"). */
export type SampleName = (name: string, n: number) => string;

/** For callers without translations (tests, benchmarks); the app passes its translated form. */
export const DEFAULT_SAMPLE_NAME: SampleName = (name, n) => (n === 1 ? `${name} (sample)` : `${name} (sample ${n})`);

/** Names compare as a reader sees them: case, surrounding and repeated spaces, Unicode composition aside. */
export const nameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

const MAX_RENAMES = 1_000;

/** The name itself when free, else the first distinguished form still free; records the result as taken. */
export function distinctName(name: string, taken: Set<string>, rename: SampleName): string {
  let out = name;
  for (let n = 1; taken.has(nameKey(out)) && n <= MAX_RENAMES; n++) out = rename(name, n);
  taken.add(nameKey(out));
  return out;
}

/** What the workspace holds that the sample must respect. */
export interface SampleState {
  readonly liveAccounts: number;
  readonly accountNames: ReadonlySet<string>;
  readonly itemTitles: ReadonlySet<string>;
  readonly retreatTitles: ReadonlySet<string>;
  /** The club program in force (defaults for what nobody set) and whether a live row holds it. */
  readonly program: ClubProgramFields;
  readonly programLive: boolean;
  readonly settingsLive: boolean;
  readonly liveCapacity: ReadonlySet<string>;
  readonly seatsUsed: number;
}

type Live = { id: string; deleted: boolean };
type Reader = <R>(name: SyncedTable) => Table<R, string>;

async function live<R extends Live>(table: Table<R, string>): Promise<R[]> {
  return (await table.toArray()).filter((r) => !r.deleted);
}

/** Reads the state through `table` (a Writer's transaction, or a read transaction for a preview). */
export async function readSampleState(table: Reader): Promise<SampleState> {
  const accounts = await live(table<Live & { name: string }>('accounts'));
  const items = await live(table<Live & { title: string }>('roadmapItems'));
  const retreats = await live(table<Live & { title: string }>('retreats'));
  const roster = await live(table<Live & { status: MemberStatus }>('members'));
  const settings = table<Live & Partial<ClubProgramFields>>('settings');
  const programRow = await settings.get(CLUB_PROGRAM_ID);
  const programLive = programRow !== undefined && !programRow.deleted;
  const settingsRow = await settings.get(ROADMAP_SETTINGS_ID);
  const names = (rows: ReadonlyArray<{ name?: unknown; title?: unknown }>, field: 'name' | 'title') =>
    new Set(rows.flatMap((r) => (typeof r[field] === 'string' ? [nameKey(r[field])] : [])));
  return {
    liveAccounts: accounts.length,
    accountNames: names(accounts, 'name'),
    itemTitles: names(items, 'title'),
    retreatTitles: names(retreats, 'title'),
    program: clubProgramOf(programRow),
    programLive,
    settingsLive: settingsRow !== undefined && !settingsRow.deleted,
    liveCapacity: new Set((await live(table<Live>('capacity'))).map((c) => c.id)),
    seatsUsed: seatsUsed(roster),
  };
}

/** The parts of the sample the plan decides about. */
export interface SampleOutline {
  readonly accountNames: readonly string[];
  readonly itemTitles: readonly string[];
  readonly retreatTitles: readonly string[];
  readonly program: Pick<ClubProgramFields, 'name' | 'seatCap'>;
  readonly memberStatuses: readonly MemberStatus[];
  readonly capacityQuarters: readonly string[];
}

export interface SamplePlan {
  readonly accountNames: readonly string[];
  readonly itemTitles: readonly string[];
  readonly retreatTitles: readonly string[];
  /** How many of those names had to be distinguished. */
  readonly renamed: number;
  /** The sample's program goes in only where there is none, and only when the user's roster fits under its cap. */
  readonly writeProgram: boolean;
  readonly writeSettings: boolean;
  readonly capacityQuarters: readonly string[];
  /** The program in force after the load, and the seats it leaves for the sample. */
  readonly programName: string;
  readonly seatCap: number;
  readonly seatsFree: number;
  /** Each sample member's status: a seat while one is free, else a candidate (no seat). */
  readonly memberStatuses: readonly MemberStatus[];
  readonly asCandidates: number;
}

/** Decides, from what is there, how each part of the sample goes in (see the rules above). */
export function planSample(state: SampleState, sample: SampleOutline, rename: SampleName): SamplePlan {
  let renamed = 0;
  const distinct = (list: readonly string[], existing: ReadonlySet<string>) => {
    const taken = new Set(existing);
    return list.map((name) => {
      const out = distinctName(name, taken, rename);
      if (out !== name) renamed++;
      return out;
    });
  };
  const accountNames = distinct(sample.accountNames, state.accountNames);
  const itemTitles = distinct(sample.itemTitles, state.itemTitles);
  const retreatTitles = distinct(sample.retreatTitles, state.retreatTitles);
  const writeProgram = !state.programLive && state.seatsUsed <= sample.program.seatCap;
  const program = writeProgram ? sample.program : state.program;
  const seatsFree = Math.max(0, program.seatCap - state.seatsUsed);
  let free = seatsFree;
  let asCandidates = 0;
  const memberStatuses = sample.memberStatuses.map((status): MemberStatus => {
    if (!SEAT_STATUSES.includes(status)) return status;
    if (free > 0) {
      free--;
      return status;
    }
    asCandidates++;
    return 'candidate';
  });
  return {
    accountNames,
    itemTitles,
    retreatTitles,
    renamed,
    writeProgram,
    writeSettings: !state.settingsLive,
    capacityQuarters: sample.capacityQuarters.filter((q) => !state.liveCapacity.has(q)),
    programName: program.name,
    seatCap: program.seatCap,
    seatsFree,
    memberStatuses,
    asCandidates,
  };
}
