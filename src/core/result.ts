// Expected failures are values: functions that can fail for a reason a user must hear return a
// Result; exceptions are reserved for bugs.

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

/** The error shape used everywhere in Tally: a stable code and a sentence for people. */
export interface Problem<C extends string = string> {
  readonly code: C;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function ok<T>(value: T): Ok<T>;
export function ok(): Ok<undefined>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** A problem as a log entry or a receipt records it: its code and message. */
export type ProblemSummary = Pick<Problem, 'code' | 'message'>;

export function problem<C extends string>(
  code: C,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Problem<C> {
  return details === undefined ? { code, message } : { code, message, details };
}

/** Fails to compile when a switch over a union misses a case. */
export function throwIllegalValue(value: never): never {
  throw new Error(`illegal value: ${JSON.stringify(value)}`);
}
