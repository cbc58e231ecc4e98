/** Shared inputs of the roadmap tests. */
import { asMinor } from './money';
import { asQuarter } from './quarter';

export const m = asMinor;
export const q = asQuarter;
