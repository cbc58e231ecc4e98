/**
 * A change a repository refused, before writing anything, for a reason the user can act on.
 * `messageKey` is the i18n key of the sentence that says what to do; commit() shows it
 * instead of the generic "could not be saved".
 */
export class RefusedError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`refused: ${messageKey}`);
    this.name = 'RefusedError';
  }
}
