import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUB_PROGRAM } from '@shared/domain/club';
import { DEFAULT_SAMPLE_NAME, distinctName, nameKey, planSample, type SampleOutline, type SampleState } from './samplePlan';

const empty: SampleState = {
  liveAccounts: 0,
  accountNames: new Set(),
  itemTitles: new Set(),
  retreatTitles: new Set(),
  program: DEFAULT_CLUB_PROGRAM,
  programLive: false,
  settingsLive: false,
  liveCapacity: new Set(),
  seatsUsed: 0,
};
const outline: SampleOutline = {
  accountNames: ['Nordhavn', 'Kestrel'],
  itemTitles: ['SSO'],
  retreatTitles: ['Spring retreat'],
  program: { name: 'Platinum club', seatCap: 6 },
  memberStatuses: ['member', 'member', 'invited', 'candidate', 'alumni'],
  capacityQuarters: ['2025-Q2', '2025-Q3'],
};

describe('distinctName', () => {
  it('keeps a free name and numbers the taken ones, whatever their case or spacing', () => {
    const taken = new Set([nameKey('NORDHAVN'), nameKey('nordhavn  (sample)')]);
    expect(distinctName('Kestrel', taken, DEFAULT_SAMPLE_NAME)).toBe('Kestrel');
    expect(distinctName('Nordhavn', taken, DEFAULT_SAMPLE_NAME)).toBe('Nordhavn (sample 2)');
    expect(distinctName('Nordhavn', taken, DEFAULT_SAMPLE_NAME)).toBe('Nordhavn (sample 3)');
    expect(taken.has(nameKey('kestrel'))).toBe(true);
  });

  it('gives up after a bounded number of tries instead of looping on a renamer that never changes the name', () => {
    expect(distinctName('A', new Set(['a']), (name) => name)).toBe('A');
  });
});

describe('planSample', () => {
  it('into an empty workspace: everything as shipped', () => {
    const plan = planSample(empty, outline, DEFAULT_SAMPLE_NAME);
    expect(plan).toMatchObject({ renamed: 0, writeProgram: true, writeSettings: true, seatCap: 6, seatsFree: 6, asCandidates: 0 });
    expect(plan.memberStatuses).toEqual(outline.memberStatuses);
    expect(plan.capacityQuarters).toEqual(outline.capacityQuarters);
  });

  it('members beyond the free seats become candidates; other statuses stay', () => {
    const plan = planSample(
      { ...empty, programLive: true, program: { ...DEFAULT_CLUB_PROGRAM, seatCap: 4 }, seatsUsed: 2 },
      outline,
      DEFAULT_SAMPLE_NAME,
    );
    expect(plan).toMatchObject({ writeProgram: false, seatCap: 4, seatsFree: 2, asCandidates: 1 });
    expect(plan.memberStatuses).toEqual(['member', 'member', 'candidate', 'candidate', 'alumni']);
  });

  it('a full roster leaves no seat at all', () => {
    const plan = planSample(
      { ...empty, programLive: true, program: { ...DEFAULT_CLUB_PROGRAM, seatCap: 2 }, seatsUsed: 3 },
      outline,
      DEFAULT_SAMPLE_NAME,
    );
    expect(plan.seatsFree).toBe(0);
    expect(plan.memberStatuses).toEqual(['candidate', 'candidate', 'candidate', 'candidate', 'alumni']);
  });

  it('no program row, but the roster holds more seats than the sample program allows: the defaults stay', () => {
    const plan = planSample({ ...empty, seatsUsed: 7 }, outline, DEFAULT_SAMPLE_NAME);
    expect(plan).toMatchObject({
      writeProgram: false,
      seatCap: DEFAULT_CLUB_PROGRAM.seatCap,
      seatsFree: 1,
      asCandidates: 2,
      programName: DEFAULT_CLUB_PROGRAM.name,
    });
  });

  it('keeps live settings and capacity, and counts every distinguished name', () => {
    const state = {
      ...empty,
      settingsLive: true,
      liveCapacity: new Set(['2025-Q3']),
      accountNames: new Set(['kestrel']),
      itemTitles: new Set(['sso']),
    };
    const plan = planSample(state, outline, DEFAULT_SAMPLE_NAME);
    expect(plan).toMatchObject({
      writeSettings: false,
      capacityQuarters: ['2025-Q2'],
      renamed: 2,
      accountNames: ['Nordhavn', 'Kestrel (sample)'],
      itemTitles: ['SSO (sample)'],
      retreatTitles: ['Spring retreat'],
    });
  });
});
