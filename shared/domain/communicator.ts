import type { AccountFields } from './account';
import { monthsBetween, type IsoDate } from './dates';

export const DEFAULT_ROTATION_MONTHS = 18;

export interface CommunicatorAssessment {
  /** Whole months in the seat, or null when the start date is unknown. */
  readonly tenureMonths: number | null;
  /** After long tenure the communicator becomes the customer's agent inside our company (PRODUCT §1). */
  readonly rotationDue: boolean;
  /** A pure engineer should never hold the seat (PRODUCT §1). */
  readonly engineerInSeat: boolean;
}

/** Tenure = whole months from communicatorSince to today; rotation due at ≥ the limit (default 18). */
export function assessCommunicator(
  a: Pick<AccountFields, 'communicator' | 'communicatorRole' | 'communicatorSince'>,
  today: IsoDate,
  rotationMonths: number = DEFAULT_ROTATION_MONTHS,
): CommunicatorAssessment {
  const tenureMonths = a.communicatorSince ? Math.max(0, monthsBetween(a.communicatorSince, today)) : null;
  return {
    tenureMonths,
    rotationDue: tenureMonths !== null && tenureMonths >= rotationMonths,
    engineerInSeat: a.communicator.trim() !== '' && a.communicatorRole === 'engineer',
  };
}
