import { describe, expect, it } from 'vitest';
import { assessCommunicator, DEFAULT_ROTATION_MONTHS } from './communicator';
import { asIsoDate, type IsoDate } from './dates';
import type { CommunicatorRole } from './account';

const TODAY = asIsoDate('2025-06-15');
const seat = (since: string | null, role: CommunicatorRole = 'accountManager', communicator = 'Anna Keller') => ({
  communicator,
  communicatorRole: role,
  communicatorSince: since === null ? null : asIsoDate(since),
});

describe('assessCommunicator', () => {
  it('counts tenure in whole months', () => {
    expect(assessCommunicator(seat('2025-01-15'), TODAY).tenureMonths).toBe(5);
    expect(assessCommunicator(seat('2025-01-16'), TODAY).tenureMonths).toBe(4);
    expect(assessCommunicator(seat('2025-06-15'), TODAY).tenureMonths).toBe(0);
  });

  it('suggests rotation at 18 months (the default) but not at 17', () => {
    expect(DEFAULT_ROTATION_MONTHS).toBe(18);
    const at18 = assessCommunicator(seat('2023-12-15'), TODAY);
    expect(at18).toEqual({ tenureMonths: 18, rotationDue: true, engineerInSeat: false });
    const at17 = assessCommunicator(seat('2023-12-16'), TODAY); // one day short of 18 months
    expect(at17).toEqual({ tenureMonths: 17, rotationDue: false, engineerInSeat: false });
    expect(assessCommunicator(seat('2021-01-01'), TODAY).rotationDue).toBe(true);
  });

  it('honours a custom rotation limit', () => {
    expect(assessCommunicator(seat('2024-06-15'), TODAY, 12).rotationDue).toBe(true);
    expect(assessCommunicator(seat('2024-06-16'), TODAY, 12).rotationDue).toBe(false);
  });

  it('has no tenure and no rotation when the start date is unknown', () => {
    expect(assessCommunicator(seat(null), TODAY)).toEqual({ tenureMonths: null, rotationDue: false, engineerInSeat: false });
  });

  it('never reports negative tenure for a start date in the future', () => {
    const future: IsoDate = asIsoDate('2025-09-01');
    expect(assessCommunicator(seat(future), TODAY).tenureMonths).toBe(0);
  });

  it('flags a pure engineer in the communicator seat', () => {
    expect(assessCommunicator(seat('2025-01-01', 'engineer', 'Tom Reid'), TODAY).engineerInSeat).toBe(true);
    expect(assessCommunicator(seat('2025-01-01', 'solutionsConsultant', 'Tom Reid'), TODAY).engineerInSeat).toBe(false);
    // Nobody named yet: the role default is not a person in the seat.
    expect(assessCommunicator(seat(null, 'engineer', '  '), TODAY).engineerInSeat).toBe(false);
  });
});
