/**
 * The part of PapaParse that shared/csv uses, typed here: @types/papaparse pulls in all of
 * Node's types (`/// <reference types="node" />`), which would let Node globals slip into
 * shared/ and the renderer unnoticed. The module is Papa's browser build (package.json
 * "browser"), the one Vite bundles for 'papaparse'; it runs in Node as well.
 */
declare module 'papaparse/papaparse.min.js' {
  export interface PapaError {
    readonly type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    readonly code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
    readonly message: string;
    /** Index into this parse's rows. */
    readonly row?: number;
  }
  export interface PapaMeta {
    readonly delimiter: string;
    readonly linebreak: string;
    readonly aborted: boolean;
    readonly truncated: boolean;
    /** Characters consumed, plus the base index passed to Parser.parse. */
    readonly cursor: number;
  }
  export interface PapaResult {
    readonly data: string[][];
    readonly errors: PapaError[];
    readonly meta: PapaMeta;
  }
  export interface PapaConfig {
    delimiter?: string;
    newline?: '\n' | '\r' | '\r\n';
  }
  /** The core parser: no guessing, no header handling; `ignoreLastRow` leaves a row that may continue in the next chunk. */
  export class Parser {
    constructor(config: PapaConfig);
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult;
  }
  const Papa: {
    Parser: typeof Parser;
  };
  export default Papa;
}
