import { randomUUID } from 'node:crypto';
import { defaultAccountFields, type AccountFields } from '../../shared/domain/account';
import { addDays, toIsoDate, type IsoDate } from '../../shared/domain/dates';
import { toMinor } from '../../shared/domain/money';
import { CARD_HEIGHT, CARD_WIDTH } from '../../shared/domain/orgLayout';
import type { ActionFields, ActionStatus, ObjectiveFields, PlanFields, RiskFields, RiskLevel } from '../../shared/domain/plan';
import { defaultPersonFields, type BuyingRole, type PersonFields, type Stance } from '../../shared/domain/stakeholders';
import { encodeSyncFile, FROM_THE_START } from '../../shared/sync/codec';
import { createClock } from '../../shared/sync/hlc';
import type { AnyRow } from '../../shared/sync/merge';
import { createRow, createRows } from '../../shared/sync/row';
import type { FilePayload } from './pages/SyncPage';

/*
 * Seeding a workspace the way a user could: another device's sync file ("Everything"),
 * written here with the app's own codec and row stamps, and imported through the Sync page.
 */

/** Rows as another device would have written them: one clock, a stamp per row. */
export class SeedDevice {
  readonly clock;
  readonly tables: Record<string, AnyRow[]> = {};

  constructor(
    readonly device: string,
    readonly name: string,
  ) {
    // A minute in the past: an import refuses stamps from the future.
    this.clock = createClock(device, () => Date.now() - 60_000);
  }

  /** Adds one row to a table; returns its new id. */
  add<T extends object>(table: string, fields: T): string {
    const id = randomUUID();
    (this.tables[table] ??= []).push(createRow(id, fields, this.clock.now()) as unknown as AnyRow);
    return id;
  }

  /** Adds many rows with one stamp (a bulk insert); returns their ids in order. */
  addMany<T extends object>(table: string, list: readonly T[]): string[] {
    const ids = list.map(() => randomUUID());
    (this.tables[table] ??= []).push(...(createRows(list, ids, this.clock.now()) as unknown as AnyRow[]));
    return ids;
  }

  rowCount(): number {
    return Object.values(this.tables).reduce((n, rows) => n + rows.length, 0);
  }

  /** An "Everything" sync file of the rows added so far, for the file chooser. */
  async file(): Promise<FilePayload> {
    const bytes = await encodeSyncFile({
      appVersion: '0.1.0',
      source: { device: this.device, name: this.name },
      createdAt: new Date(Date.now() - 30_000).toISOString(),
      contents: { kind: 'everything', since: FROM_THE_START, account: null },
      knowledge: { [this.device]: this.clock.last() },
      tables: this.tables,
    });
    return {
      name: `Waypoint ${this.name} ${toIsoDate(new Date())}.wpsync`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(bytes),
    };
  }
}

export interface LongPlanSeed {
  readonly file: FilePayload;
  readonly deviceName: string;
  readonly records: number;
  readonly account: string;
  readonly planId: string;
  readonly planTitle: string;
  readonly objectives: readonly string[];
  /** Every action title, in print order. */
  readonly actions: readonly string[];
  /** Every action as seeded, in print order. */
  readonly actionRows: ReadonlyArray<Pick<ActionFields, 'title' | 'owner' | 'dueDate' | 'status'>>;
  /** The titles too long for one line of the action column. */
  readonly longActions: readonly string[];
  readonly risks: readonly string[];
  readonly people: number;
}

const FIRST = ['Anja', 'Bernd', 'Clara', 'Dieter', 'Elif', 'Frank', 'Greta', 'Hakan', 'Ines', 'Jonas', 'Katrin', 'Lukas'];
const LAST = ['Albrecht', 'Brandt', 'Cramer', 'Dorn', 'Engel'];
const DEPARTMENTS = ['Operations', 'IT', 'Finance', 'Procurement', 'Depots'];
const ROLES: readonly BuyingRole[] = [
  'economicBuyer',
  'decisionMaker',
  'approver',
  'influencer',
  'technicalEvaluator',
  'user',
  'gatekeeper',
];
const STANCES: readonly Stance[] = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'];
const STATUSES: readonly ActionStatus[] = ['open', 'inProgress', 'done', 'open', 'dropped'];
const OWNERS = ['Ada Berg', 'Tomas Lind', 'Mira Kovac'];
const DEPOTS = ['Bremen', 'Hamburg', 'Kiel', 'Rostock', 'Lübeck', 'Emden', 'Kassel', 'Fulda', 'Gießen', 'Hanau'];
const VERBS = ['Train the night shift at', 'Move the slot planner for', 'Sign off the go-live of', 'Review the dock layout in'];

/** Short enough for one line of the action column on A4 and Letter alike. */
const shortTitle = (n: number) => `A${String(n).padStart(2, '0')} ${VERBS[(n - 1) % VERBS.length]} ${DEPOTS[(n - 1) % DEPOTS.length]}`;

const LONG_TITLES: ReadonlyMap<number, string> = new Map([
  [
    13,
    'A13 Agree with the works council in every depot how the new shift planning screens are introduced, who is trained first, and how feedback from the floor reaches the project team every week',
  ],
  [
    28,
    'A28 Write the cut-over runbook for the last four depots, including the fallback to paper slot lists, the contact tree for the first night, and the sign-off by each depot manager before the switch',
  ],
]);

/**
 * One account with 60 people on its stakeholder map and a plan of 40 actions under four
 * objectives (two actions with titles that wrap over several lines), and four risks.
 */
export async function longPlanSeed(): Promise<LongPlanSeed> {
  const deviceName = 'Planning laptop';
  const dev = new SeedDevice('5eed00000000e2e2', deviceName);
  const today = toIsoDate(new Date());
  const account = 'Hanseatic Depot Logistics GmbH';
  const accountId = dev.add<AccountFields>(
    'accounts',
    defaultAccountFields({
      name: account,
      industry: 'Logistics',
      region: 'DACH',
      currency: 'EUR',
      owner: 'Ada Berg',
      sizeClass: 'elephant',
      arr: toMinor(1_250_000, 'EUR'),
      potentialArr: toMinor(9_800_000, 'EUR'),
      bucket: 2,
      renewalDate: addDays(today, 120),
      contractStart: addDays(today, -500),
    }),
  );

  // 60 people in a 10 × 6 grid of map cards.
  const people: PersonFields[] = [];
  for (let i = 0; i < 60; i++) {
    people.push(
      defaultPersonFields(accountId, {
        name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length)]}`,
        title: `${DEPARTMENTS[i % DEPARTMENTS.length]} lead ${i + 1}`,
        department: DEPARTMENTS[i % DEPARTMENTS.length]!,
        orgLevel: i < 3 ? 'cLevel' : i < 12 ? 'vp' : i < 35 ? 'director' : 'manager',
        buyingRole: ROLES[i % ROLES.length]!,
        stance: STANCES[i % STANCES.length]!,
        influence: 5 - (i % 5),
        interest: 1 + ((i * 3) % 5),
        ourOwner: OWNERS[i % OWNERS.length]!,
        nextStep: i % 4 === 0 ? 'Depot visit' : '',
        x: (i % 10) * (CARD_WIDTH + 40),
        y: Math.floor(i / 10) * (CARD_HEIGHT + 60),
      }),
    );
  }
  dev.addMany('people', people);

  const planTitle = 'FY28 rollout to every depot';
  const planId = dev.add<PlanFields>('plans', {
    accountId,
    title: planTitle,
    periodStart: addDays(today, -30),
    periodEnd: addDays(today, 335),
    summary: 'Roll the slot planner out from the two pilot depots to all ten, one region at a time.',
  });
  const objectives = [
    'Prove the pilot numbers to the board',
    'Roll out the northern depots',
    'Roll out the southern depots',
    'Hand over to the customer team',
  ];
  const actions: string[] = [];
  const actionRows: Array<Pick<ActionFields, 'title' | 'owner' | 'dueDate' | 'status'>> = [];
  let n = 0;
  for (const [o, title] of objectives.entries()) {
    const objectiveId = dev.add<ObjectiveFields>('objectives', { planId, title, sort: o + 1 });
    for (let k = 0; k < 10; k++) {
      n += 1;
      const actionTitle = LONG_TITLES.get(n) ?? shortTitle(n);
      actions.push(actionTitle);
      const due: IsoDate | null = n % 9 === 0 ? null : addDays(today, n * 7 - 60);
      const row = { title: actionTitle, owner: OWNERS[n % OWNERS.length]!, dueDate: due, status: STATUSES[n % STATUSES.length]! };
      actionRows.push(row);
      dev.add<ActionFields>('actions', { planId, objectiveId, ...row, sort: k + 1 });
    }
  }
  const risks: Array<[string, RiskLevel, RiskLevel, string]> = [
    ['Works council blocks the night-shift training', 'medium', 'high', 'Involve the council chair from the first depot on.'],
    ['Depot network too slow for the planner', 'high', 'medium', 'Offline mode in every depot before go-live.'],
    ['Key sponsor leaves before the board review', 'low', 'high', 'Build a second sponsor in finance.'],
    ['Peak season overlaps the southern rollout', 'medium', 'medium', 'Freeze changes from mid-November to January.'],
  ];
  for (const [r, [title, likelihood, impact, mitigation]] of risks.entries())
    dev.add<RiskFields>('risks', { planId, title, likelihood, impact, mitigation, sort: r + 1 });

  return {
    file: await dev.file(),
    deviceName,
    records: dev.rowCount(),
    account,
    planId,
    planTitle,
    objectives,
    actions,
    actionRows,
    longActions: [...LONG_TITLES.values()],
    risks: risks.map(([title]) => title),
    people: people.length,
  };
}

export interface ScriptsPlanSeed {
  readonly file: FilePayload;
  readonly deviceName: string;
  readonly records: number;
  readonly account: string;
  readonly planId: string;
  readonly planTitle: string;
  /** Every name the printed plan must give back exactly: the account, its people, the actions. */
  readonly names: readonly string[];
}

/**
 * An account, its people and its plan named in Russian, Chinese, Danish (æøå) and Dutch (ij):
 * what a plan for "Телесфор Софтвер" and "深圳科技有限公司" looks like on paper (issue 17).
 */
export async function scriptsPlanSeed(): Promise<ScriptsPlanSeed> {
  const deviceName = 'Shenzhen laptop';
  const dev = new SeedDevice('5eed00000000e2e3', deviceName);
  const today = toIsoDate(new Date());
  const account = '深圳科技有限公司 (Телесфор Софтвер)';
  const accountId = dev.add<AccountFields>(
    'accounts',
    defaultAccountFields({
      name: account,
      industry: 'Электроника',
      region: 'APAC',
      currency: 'EUR',
      owner: 'Søren Kjærgård',
      sizeClass: 'elephant',
      arr: toMinor(420_000, 'EUR'),
      potentialArr: toMinor(2_400_000, 'EUR'),
      bucket: 2,
    }),
  );
  const people = [
    ['Телесфор Иванович Орлов', 'Генеральный директор', 'cLevel', 'economicBuyer', 'champion'],
    ['王秀英', '采购总监', 'vp', 'decisionMaker', 'supporter'],
    ['Søren Kjærgård Østergaard', 'Indkøbschef', 'director', 'influencer', 'neutral'],
    ['IJsbrand van IJzendoorn', 'Hoofd IJkwezen', 'manager', 'user', 'skeptic'],
  ] as const;
  dev.addMany(
    'people',
    people.map(([name, title, orgLevel, buyingRole, stance], i) =>
      defaultPersonFields(accountId, { name, title, orgLevel, buyingRole, stance, influence: 5 - i, x: i * (CARD_WIDTH + 40), y: 0 }),
    ),
  );
  const planTitle = 'План на 2027 год · 2027年度计划';
  const planId = dev.add<PlanFields>('plans', {
    accountId,
    title: planTitle,
    periodStart: addDays(today, -10),
    periodEnd: addDays(today, 355),
    summary: 'Расширить внедрение на три завода; 扩展到华南三个工厂。',
  });
  const objectiveId = dev.add<ObjectiveFields>('objectives', { planId, title: 'Подписать рамочный договор', sort: 1 });
  const actions = [
    'Встреча с Телесфором в Москве',
    '与王总确认采购流程',
    'Møde i Århus om prøveforløbet',
    'Workshop bij de IJsselcentrale in Zwolle',
  ];
  for (const [k, title] of actions.entries())
    dev.add<ActionFields>('actions', {
      planId,
      objectiveId,
      title,
      owner: people[k]![0],
      dueDate: addDays(today, 14 * (k + 1)),
      status: 'open',
      sort: k + 1,
    });
  return {
    file: await dev.file(),
    deviceName,
    records: dev.rowCount(),
    account,
    planId,
    planTitle,
    names: [account, ...people.map((p) => p[0]), ...actions, planTitle],
  };
}
