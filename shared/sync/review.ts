import type { Stamp } from './hlc';
import type { LostValue } from './merge';

/**
 * The review of a value that lost a merge (PRODUCT §6: no edit is silently lost), as a synced
 * row. The device whose value lost records it at import; the next exchange carries it to the
 * device whose value won, so both can review it, and settling it anywhere settles it everywhere.
 */
export const REVIEW_RESOLUTIONS = ['open', 'kept', 'taken'] as const;
export type ReviewResolution = (typeof REVIEW_RESOLUTIONS)[number];

export interface ReviewFields {
  /** Where the lost value was: table, record and field ('deleted' for a delete against an edit). */
  table: string;
  rowId: string;
  field: string;
  value: unknown;
  /** The losing write and the one that won. */
  stamp: Stamp;
  winnerStamp: Stamp;
  /** When the conflict was first seen (ISO instant). */
  createdAt: string;
  /** open; kept (the current value stays); taken (the lost value was written again as a new edit). */
  resolution: ReviewResolution;
}

/** One id per losing write: two devices that see the same conflict record the same row. */
export const reviewId = (l: Pick<LostValue, 'table' | 'id' | 'field' | 'stamp'>): string => `${l.table}/${l.id}/${l.field}/${l.stamp}`;

/** The device that made a stamp (its last 16 characters). */
export const stampDevice = (s: string): string => s.slice(-16);
