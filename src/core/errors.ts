/** Stable error codes thrown for programmer errors (misuse of the API), never for bad input. */
export type ErrorCode =
  | 'PIPELINE_ORDER'
  | 'PIPELINE_DUPLICATE'
  | 'INVALID_OPTION'
  | 'SCHEMA_MISMATCH'
  | 'MODEL_INVALID'
  | 'GOLD_INVALID'
  | 'USAGE';

/** A typed error with a stable `code`. */
export class HearsayError extends Error {
  /** Stable code callers can switch on. */
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'HearsayError';
    this.code = code;
  }
}
