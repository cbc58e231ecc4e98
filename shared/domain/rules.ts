import { isIsoDate } from './dates';
import { isCurrencyCode } from './money';
import { isQuarter } from './quarter';

/**
 * Building blocks of the per-table field rules (tables.ts): plain predicates, because they
 * run on every repository write and on every row of an incoming file (zod cost ~20 µs a row).
 */
export type Check = (v: unknown) => boolean;

/**
 * One field of one table. `check` is the rule a repository write must pass. `choices` marks a
 * field whose value is one of a known list: a newer Waypoint may add values, so a file may
 * carry a value this version does not know (kept and passed on, shown neutrally). `door`
 * overrides what an incoming file may carry when it differs in more than unknown choices;
 * `read` turns a stored value that breaks the rule into something every screen can show.
 */
export interface FieldRule {
  readonly check: Check;
  readonly fallback: unknown;
  readonly choices?: readonly (string | number)[];
  /** Unknown choices stay as they are on screen too (a line of a kind we cannot draw is drawn neutrally). */
  readonly keepUnknown?: boolean;
  readonly door?: Check;
  readonly read?: (v: unknown) => unknown;
  /** An amount in minor units of the row's `currency` (shown as money wherever a field is shown by name). */
  readonly money?: true;
  /**
   * A field added after rows of this table were already being written and synced (the schema
   * version that added it): a row from an older device or an older backup without it is whole,
   * and reads as the fallback.
   */
  readonly addedIn?: number;
}

/** Marks a field added in schema version `version` (see `FieldRule.addedIn`). */
export const added = (version: number, rule: FieldRule): FieldRule => ({ ...rule, addedIn: version });

export const MAX_ID = 200;
export const MAX_SHORT_TEXT = 1_000;
export const MAX_LONG_TEXT = 20_000;

const IDENT = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/** A value a newer version could have added to a list: a short identifier, or a small whole number. */
export function isPlausibleChoice(v: unknown): boolean {
  return (typeof v === 'string' && IDENT.test(v)) || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 99);
}

export const isText =
  (max: number, min = 0): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max && (min === 0 || v.trim().length >= min);
export const isId: Check = (v) => typeof v === 'string' && v.length >= 1 && v.length <= MAX_ID;
export const isIdOrNull: Check = (v) => v === null || isId(v);
export const isBool: Check = (v) => typeof v === 'boolean';
export const isInt =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
export const isNum =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
export const isMinor: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const isDate: Check = (v) => isIsoDate(v);
export const isDateOrNull: Check = (v) => v === null || isIsoDate(v);
export const isQuarterValue: Check = (v) => isQuarter(v);
export const isCurrency: Check = (v) => typeof v === 'string' && isCurrencyCode(v);
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
export const isArrayOf =
  (item: Check, max: number): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(item);
/** A plain object whose listed keys pass their checks; other keys are refused. */
export const isShape =
  (shape: Readonly<Record<string, Check>>): Check =>
  (v) =>
    isPlainObject(v) && Object.keys(v).every((k) => Object.hasOwn(shape, k)) && Object.entries(shape).every(([k, c]) => c(v[k]));

export const text = (max: number, min = 0, fallback = ''): FieldRule => ({ check: isText(max, min), fallback });
export const id = (): FieldRule => ({ check: isId, fallback: '' });
export const idOrNull = (): FieldRule => ({ check: isIdOrNull, fallback: null });
export const bool = (fallback = false): FieldRule => ({ check: isBool, fallback });
export const int = (min: number, max: number, fallback: number): FieldRule => ({ check: isInt(min, max), fallback });
export const num = (min: number, max: number, fallback: number): FieldRule => ({ check: isNum(min, max), fallback });
export const minor = (fallback = 0): FieldRule => ({ check: isMinor, fallback, money: true });
/** The same rule, marked as an amount of money. */
export const money = (rule: FieldRule): FieldRule => ({ ...rule, money: true });
export const dateOrNull = (): FieldRule => ({ check: isDateOrNull, fallback: null });
/** A one-of-a-list field: strict on writes, lenient at the door (see FieldRule.choices). */
export const choice = <T extends string | number>(values: readonly T[], fallback: T, keepUnknown = false): FieldRule => ({
  check: (v) => (values as readonly unknown[]).includes(v),
  fallback,
  choices: values,
  keepUnknown,
});
/** Fields the app computes with: any finite number in range (a position, a sort key). */
export const finite = (limit: number, fallback = 0): FieldRule => ({
  check: isNum(-limit, limit),
  fallback,
  read: (v) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(-limit, Math.min(limit, v)) : fallback),
});
