import {
  defaultAccountFields,
  ICP_CRITERIA,
  MAX_HOURS,
  SIZE_CLASSES,
  SPIRAL_STAGES,
  type AccountFields,
  type Bucket,
  type IcpRatings,
} from '@shared/domain/account';
import type { ContactChannel, LineKind, PersonFields } from '@shared/domain/stakeholders';
import { asMinor, toMinor } from '@shared/domain/money';
import { addDays, asIsoDate } from '@shared/domain/dates';

const WORDS = [
  'Nordic',
  'Atlas',
  'Meridian',
  'Kestrel',
  'Orchid',
  'Hanse',
  'Brightline',
  'Sakura',
  'Lumen',
  'Pico',
  'Fjord',
  'Vereinigte',
  'Summit',
  'Harbor',
  'Granite',
  'Cobalt',
];
const KINDS = [
  'Shipping',
  'Retail',
  'Health',
  'Energy',
  'Insurance',
  'Pharma',
  'Telecom',
  'Analytics',
  'Robotics',
  'Logistics',
  'Steel',
  'Foods',
];
const OWNERS = ['Mette Lund', 'Lukas Brandt', 'Priya Shah', 'Sanne de Vries', 'Chris Walker', 'Wei Chen', 'Ana Souza', 'Tom Reid'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'DKK', 'SEK', 'JPY'];

/** Deterministic synthetic accounts for benchmarks: realistic field sizes, varied values. */
export function syntheticAccounts(count: number, seed = 1): Array<Partial<AccountFields>> {
  const out: Array<Partial<AccountFields>> = [];
  const base = asIsoDate('2026-01-01');
  for (let i = 0; i < count; i++) {
    const k = i * 7919 + seed * 104729;
    const arr = 10_000 + (k % 5_000_000);
    out.push(
      defaultAccountFields({
        name: `${WORDS[k % WORDS.length]} ${KINDS[(k >> 3) % KINDS.length]} ${i + 1}`,
        industry: KINDS[(k >> 5) % KINDS.length]!,
        region: ['Nordics', 'DACH', 'Benelux', 'APAC', 'North America'][k % 5]!,
        currency: CURRENCIES[k % CURRENCIES.length]!,
        owner: OWNERS[k % OWNERS.length]!,
        sizeClass: SIZE_CLASSES[k % 3]!,
        arr: asMinor(arr * 100),
        potentialArr: asMinor(arr * 100 * (1 + (k % 20))),
        bucket: (((k >> 2) % 4) + 1) as Bucket,
        renewalDate: addDays(base, k % 700),
        supportHours: k % 300,
        tags: i % 3 === 0 ? ['strategic'] : [],
        notes: i % 10 === 0 ? 'Quarterly business review scheduled; champion in operations.' : '',
      }),
    );
  }
  return out;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same map on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Henrik',
  'Line',
  'Anders',
  'Sofie',
  'Lukas',
  'Hannah',
  'Priya',
  'Arjun',
  'Wei',
  'Mei',
  'Ana',
  'João',
  'Sanne',
  'Daan',
  'Chris',
  'Olivia',
  'Yuki',
  'Kenji',
  'Fatima',
  'Omar',
  'Ingrid',
  'Lars',
  'Elena',
  'Marco',
  'Aisha',
  'Tom',
  'Grace',
  'Mateo',
  'Nora',
  'Jonas',
  'Camille',
  'Pierre',
  'Zofia',
  'Piotr',
  'Amara',
  'Kwame',
  'Laura',
  'David',
  'Sara',
  'Mikael',
];
const LAST = [
  'Sørensen',
  'Kjær',
  'Holm',
  'Brandt',
  'Müller',
  'Schneider',
  'Shah',
  'Patel',
  'Chen',
  'Wang',
  'Souza',
  'Silva',
  'de Vries',
  'Jansen',
  'Walker',
  'Reid',
  'Tanaka',
  'Sato',
  'Haddad',
  'Nasser',
  'Lindqvist',
  'Berg',
  'Rossi',
  'Bianchi',
  'Okafor',
  'Mensah',
  'Dubois',
  'Laurent',
  'Kowalski',
  'Nowak',
  'García',
  'López',
  'Novak',
  'Horvat',
  'Eriksen',
  'Virtanen',
  'Murphy',
  'Kelly',
  'Ivanova',
  'Petrov',
];
const C_SUITE: ReadonlyArray<readonly [string, string]> = [
  ['Chief Financial Officer', 'Finance'],
  ['Chief Information Officer', 'IT'],
  ['Chief Operating Officer', 'Operations'],
  ['Chief Technology Officer', 'Engineering'],
  ['Chief Procurement Officer', 'Procurement'],
  ['Chief Commercial Officer', 'Sales'],
  ['Chief People Officer', 'HR'],
];
const AREAS: Readonly<Record<string, readonly string[]>> = {
  Finance: ['Controlling', 'Treasury', 'Tax', 'FP&A', 'Accounting'],
  IT: ['Infrastructure', 'Enterprise Architecture', 'Security', 'Applications', 'Data Platform'],
  Operations: ['Terminals', 'Logistics', 'Supply Chain', 'Quality', 'Maintenance'],
  Engineering: ['Platform', 'Integrations', 'Mobile', 'Reliability', 'Analytics'],
  Procurement: ['IT Sourcing', 'Vendor Management', 'Contracts', 'Direct Spend', 'Indirect Spend'],
  Sales: ['Key Accounts', 'Partners', 'Pricing', 'Sales Operations', 'Customer Success'],
  HR: ['Talent', 'Payroll', 'Learning', 'Workplace', 'Reward'],
};
const IC_TITLES = ['Analyst', 'Specialist', 'Engineer', 'Consultant', 'Coordinator', 'Architect', 'Lead'];
const OUR_OWNERS = ['Mette Lund', 'Jonas Berg', 'Priya Shah', 'Chris Walker', ''];
const NEXT_STEPS = [
  'Book a discovery call',
  'Share the savings case',
  'Invite to the customer advisory board',
  'Ask for an introduction to their manager',
  'Send the security questionnaire',
];
const CHANNELS = ['meeting', 'call', 'email', 'event', 'visit'] as const;
const STANCE_LIST = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'] as const;
const RELATIONSHIPS = ['vendor', 'credibleSource', 'problemSolver', 'trustedAdvisor'] as const;

/** A person as the bench seeds them: fields (without account and position) plus the index of their manager. */
export interface SyntheticPerson {
  readonly fields: Omit<PersonFields, 'accountId' | 'x' | 'y'>;
  readonly manager: number | null;
}
export interface SyntheticLine {
  readonly from: number;
  readonly to: number;
  readonly kind: LineKind;
}
export interface SyntheticContact {
  readonly person: number;
  readonly daysAgo: number;
  readonly channel: ContactChannel;
  readonly attendee: string;
  readonly notes: string;
}

/**
 * A deterministic org of `count` people: a CEO, a C-suite of seven, then managers with 3–7
 * reports each, breadth first (so every person reports to an earlier one). Lines: one
 * reports-to per person but the CEO, plus about half as many influences, alliances,
 * dotted lines and conflicts between people near each other (~1.5 lines a person). About
 * four in ten people have one to three logged contacts.
 */
export function syntheticMap(count: number, seed = 1): { people: SyntheticPerson[]; lines: SyntheticLine[]; contacts: SyntheticContact[] } {
  const rnd = prng(seed * 7919 + count);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const people: SyntheticPerson[] = [];
  const depth: number[] = [];
  const dept: string[] = [];
  const area: string[] = [];
  let boss = 1;
  let reportsOfBoss = 0;
  let fanOut = 3 + Math.floor(rnd() * 5);
  for (let i = 0; i < count; i++) {
    let manager: number | null = null;
    if (i >= 1 && i <= 7) manager = 0;
    else if (i > 7) {
      if (reportsOfBoss >= fanOut) {
        boss++;
        reportsOfBoss = 0;
        fanOut = 3 + Math.floor(rnd() * 5);
      }
      manager = boss;
      reportsOfBoss++;
    }
    const d = manager === null ? 0 : depth[manager]! + 1;
    depth.push(d);
    const suite = i >= 1 && i <= 7 ? C_SUITE[i - 1]! : null;
    const department = manager === null ? 'Executive' : suite ? suite[1] : dept[manager]!;
    dept.push(department);
    const myArea = d === 2 ? pick(AREAS[department] ?? ['General']) : d > 2 ? area[manager!]! : '';
    area.push(myArea);
    const orgLevel = d <= 1 ? 'cLevel' : d === 2 ? 'vp' : d === 3 ? 'director' : d === 4 ? 'manager' : 'ic';
    const title =
      d === 0
        ? 'Chief Executive Officer'
        : suite
          ? suite[0]
          : d === 2
            ? `VP ${myArea}`
            : d === 3
              ? `Director, ${myArea}`
              : d === 4
                ? `${myArea} Manager`
                : `${myArea} ${pick(IC_TITLES)}`;
    const influence = Math.max(1, Math.min(5, 5 - Math.max(0, d - 1) + (rnd() < 0.2 ? 1 : 0) - (rnd() < 0.2 ? 1 : 0)));
    const placeholder = d >= 2 && rnd() < 0.02;
    const buyingRole =
      d === 0
        ? 'economicBuyer'
        : d === 1
          ? pick(['decisionMaker', 'approver', 'economicBuyer'] as const)
          : d <= 3
            ? pick(['technicalEvaluator', 'influencer', 'approver', 'coach'] as const)
            : pick(['user', 'user', 'influencer', 'gatekeeper', 'technicalEvaluator'] as const);
    people.push({
      manager,
      fields: {
        name: placeholder ? '' : `${pick(FIRST)} ${pick(LAST)}`,
        title,
        department,
        orgLevel,
        buyingRole,
        stance: STANCE_LIST[Math.floor(rnd() * STANCE_LIST.length)]!,
        influence,
        interest: 1 + Math.floor(rnd() * 5),
        political: d <= 1 ? 'innerCircle' : d <= 3 && rnd() < 0.4 ? 'political' : 'outside',
        ourOwner: d <= 3 ? pick(OUR_OWNERS) : '',
        relationshipLevel: pick(RELATIONSHIPS),
        nextStep: rnd() < 0.3 ? pick(NEXT_STEPS) : '',
        notes: rnd() < 0.1 ? 'Met at the annual user conference; cares about rollout risk and total cost over five years.' : '',
        placeholder,
        email: '',
        phone: '',
        sourceKey: '',
      },
    });
  }

  const lines: SyntheticLine[] = [];
  const seen = new Set<string>();
  const add = (from: number, to: number, kind: LineKind): boolean => {
    if (from === to || from < 0 || to < 0 || from >= count || to >= count) return false;
    const key =
      kind === 'alliance' || kind === 'conflict' ? `${kind}|${Math.min(from, to)}|${Math.max(from, to)}` : `${kind}|${from}|${to}`;
    if (seen.has(key) || (kind === 'dotted' && people[from]!.manager === to)) return false;
    seen.add(key);
    lines.push({ from, to, kind });
    return true;
  };
  for (let i = 1; i < count; i++) add(i, people[i]!.manager!, 'reportsTo');
  // Extra lines go to people close by in the breadth-first order: mostly the same rank, near on the chart.
  const near = (i: number) => i + (rnd() < 0.5 ? -1 : 1) * (1 + Math.floor(rnd() * 12));
  const extra: ReadonlyArray<readonly [LineKind, number]> = [
    ['influences', 0.25],
    ['alliance', 0.1],
    ['dotted', 0.08],
    ['conflict', 0.07],
  ];
  for (const [kind, share] of extra) {
    const want = Math.round(count * share);
    for (let made = 0, tries = 0; made < want && tries < want * 20; tries++) {
      const from = 1 + Math.floor(rnd() * (count - 1));
      const to =
        kind === 'dotted' ? near(people[from]!.manager!) : kind === 'influences' && rnd() < 0.3 ? people[from]!.manager! : near(from);
      if (add(from, to, kind)) made++;
    }
  }

  const contacts: SyntheticContact[] = [];
  for (let i = 0; i < count; i++) {
    if (people[i]!.fields.placeholder || rnd() >= 0.4) continue;
    const n = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) {
      contacts.push({
        person: i,
        daysAgo: Math.floor(rnd() * 90),
        channel: pick(CHANNELS),
        attendee: pick(OUR_OWNERS.filter(Boolean)),
        notes: pick(['Quarterly review', 'Roadmap walkthrough', 'Pricing questions', 'Reference call', 'Coffee at the conference']),
      });
    }
  }
  return { people, lines, contacts };
}

/** The portfolio's currencies with their share of accounts, and their rates into EUR (micro-EUR per unit) for the workspace. */
const PORTFOLIO_CURRENCIES: ReadonlyArray<readonly [string, number]> = [
  ['EUR', 0.4],
  ['USD', 0.2],
  ['GBP', 0.12],
  ['DKK', 0.1],
  ['SEK', 0.1],
  ['JPY', 0.05],
  ['CHF', 0.03],
];
export const PORTFOLIO_RATES: Readonly<Record<string, number>> = {
  USD: 920_000,
  GBP: 1_170_000,
  DKK: 134_000,
  SEK: 87_000,
  JPY: 6_100,
  CHF: 1_050_000,
};
const PORTFOLIO_REGIONS = ['Nordics', 'DACH', 'Benelux', 'UK & Ireland', 'Southern Europe', 'North America', 'APAC'];
/** Loaded hourly rates in EUR per cost category, and each category's share of an account's cost to serve. */
const HOURLY_EUR = { support: 90, engineering: 140, pm: 130, presales: 120, custom: 150 } as const;
const COST_SHARE = { support: 0.45, engineering: 0.25, pm: 0.12, presales: 0.1, custom: 0.08 } as const;

/**
 * Deterministic accounts for the portfolio benchmark, shaped like a real book of business: ARR
 * heavy-tailed (a few whales, many small accounts), seven currencies (all with a rate in
 * PORTFOLIO_RATES), seven regions and nine owners (a few blank), three size classes, buckets
 * 1–4 and about a fifth without one, ICP ratings on most. Cost to serve is spread over the
 * five categories at loaded rates in the account's currency: about one account in ten has no
 * hours at all, and about one in six costs more than it pays (small accounts more often).
 */
export function syntheticPortfolio(count: number, seed = 1): Array<Partial<AccountFields>> {
  const rnd = prng(seed * 104729 + count);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const weighted = <T>(xs: ReadonlyArray<readonly [T, number]>): T => {
    let r = rnd();
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };
  const base = asIsoDate('2026-01-01');
  const out: Array<Partial<AccountFields>> = [];
  for (let i = 0; i < count; i++) {
    const currency = weighted(PORTFOLIO_CURRENCIES);
    const perEur = 1_000_000 / (PORTFOLIO_RATES[currency] ?? 1_000_000);
    // Pareto-like: median ~45,000 EUR, the top 1 % over 3 M.
    const arrEur = Math.min(8_000_000, Math.round(20_000 * (1 - rnd()) ** -1.1));
    const small = arrEur < 60_000;
    const noCost = rnd() < 0.1;
    // Cost ÷ ARR: mostly 5–70 %; a tail over 100 % (money-losing), fatter among small accounts.
    const ratio = rnd() < (small ? 0.22 : 0.08) ? 1 + rnd() * 1.5 : 0.05 + rnd() * 0.65;
    const costEur = noCost ? 0 : arrEur * ratio;
    const hours = {} as Record<keyof typeof HOURLY_EUR, number>;
    const rates = {} as Record<keyof typeof HOURLY_EUR, ReturnType<typeof toMinor>>;
    for (const c of Object.keys(HOURLY_EUR) as Array<keyof typeof HOURLY_EUR>) {
      // Some accounts need no engineering, PM, presales or custom work at all.
      const used = c === 'support' || rnd() < 0.7;
      hours[c] = used ? Math.min(MAX_HOURS, Math.round((costEur * COST_SHARE[c] * 2) / HOURLY_EUR[c]) / 2) : 0;
      rates[c] = toMinor(HOURLY_EUR[c] * perEur, currency);
    }
    const bucket = weighted<Bucket | null>([
      [1, 0.3],
      [2, 0.24],
      [3, 0.14],
      [4, 0.12],
      [null, 0.2],
    ]);
    const icp: IcpRatings = {};
    if (rnd() < 0.7) for (const c of ICP_CRITERIA) icp[c] = Math.floor(rnd() * 6);
    const arr = toMinor(arrEur * perEur, currency);
    out.push(
      defaultAccountFields({
        name: `${pick(WORDS)} ${pick(KINDS)} ${i + 1}`,
        industry: pick(KINDS),
        region: rnd() < 0.02 ? '' : pick(PORTFOLIO_REGIONS),
        currency,
        owner: rnd() < 0.03 ? '' : pick([...OWNERS, 'Jonas Berg']),
        sizeClass: arrEur > 1_000_000 ? 'elephant' : weighted(SIZE_CLASSES.map((s, k) => [s, [0.15, 0.45, 0.4][k]!] as const)),
        arr,
        potentialArr: asMinor(Math.round(arr * (1 + rnd() * 9))),
        bucket,
        bucketEvidence: bucket === 3 || bucket === 4 ? 'Uses us for reporting only; their core process runs elsewhere.' : '',
        renewalDate: addDays(base, Math.floor(rnd() * 700)),
        supportHours: hours.support,
        supportRate: rates.support,
        engineeringHours: hours.engineering,
        engineeringRate: rates.engineering,
        pmHours: hours.pm,
        pmRate: rates.pm,
        presalesHours: hours.presales,
        presalesRate: rates.presales,
        customHours: hours.custom,
        customRate: rates.custom,
        spiralStage: pick(SPIRAL_STAGES),
        spiralLap: 1 + Math.floor(rnd() * 3),
        icp,
        tags: rnd() < 0.3 ? ['strategic'] : [],
      }),
    );
  }
  return out;
}
