import { isLineKind, type LineFields, type PersonFields } from '@shared/domain/stakeholders';

/**
 * Copy/paste of cards within the app (and across accounts). Kept in memory: the system
 * clipboard needs a permission the desktop shell denies, and cards are not text.
 */
let clip: { people: Array<PersonFields & { id: string }>; lines: Array<Pick<LineFields, 'from' | 'to' | 'kind'>> } | null = null;

export function copyToClipboard(
  people: ReadonlyArray<PersonFields & { id: string }>,
  lines: ReadonlyArray<Pick<LineFields, 'from' | 'to' | 'kind'>>,
): void {
  const ids = new Set(people.map((p) => p.id));
  // A pasted line is a new line of this version: one of a kind only a newer version knows is not copied.
  clip = {
    people: people.map((p) => ({ ...p })),
    lines: lines
      .filter((l) => ids.has(l.from) && ids.has(l.to) && isLineKind(l.kind))
      .map((l) => ({ from: l.from, to: l.to, kind: l.kind })),
  };
}

export function pasteFromClipboard(): typeof clip {
  return clip;
}
