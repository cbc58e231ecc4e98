/** Shared inputs and helpers of the roadmap repository tests. */
import { expect } from 'vitest';
import { asQuarter } from '@shared/domain/quarter';
import { RoadmapRefusedError } from './roadmap';

export const Q1 = asQuarter('2027-Q1');
export const Q3 = asQuarter('2027-Q3');
export const Q4 = asQuarter('2027-Q4');

/** The refusal a promise rejects with; fails the test if it resolves or rejects with something else. */
export async function refusal(p: Promise<unknown>): Promise<RoadmapRefusedError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RoadmapRefusedError);
  return err as RoadmapRefusedError;
}
