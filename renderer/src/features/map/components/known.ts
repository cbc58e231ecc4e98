import { CONTACT_CHANNELS, isBuyingRole, isLineKind, isOrgLevel, isStance, type Stance } from '@shared/domain/stakeholders';

/**
 * Translation keys and style names for choices a newer Waypoint may send (a line kind, a
 * stance, a role…): a known value gets its own, anything else the group's "unknown" — never a
 * missing key, and never a look-up of `__proto__` in an object.
 */
const oneOf =
  (list: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && list.includes(v);
const isChannel = oneOf(CONTACT_CHANNELS);

const keyOf = (group: string, known: (v: unknown) => boolean) => (v: unknown) => `map.${group}.${known(v) ? (v as string) : 'unknown'}`;
export const stanceKey = keyOf('stance', isStance);
export const roleKey = keyOf('role', isBuyingRole);
export const levelKey = keyOf('level', isOrgLevel);
export const channelKey = keyOf('channel', isChannel);
export const kindKey = keyOf('kind', isLineKind);
export const lineLabelKey = keyOf('lineLabel', isLineKind);

/** The stance a card is styled as: an unknown one looks neutral (its word says "unknown"). */
export const shownStance = (s: unknown): Stance => (isStance(s) ? s : 'neutral');
/** The kind a line is styled as (CSS class, edge type). */
export const shownKind = (k: unknown): string => (isLineKind(k) ? k : 'unknown');
