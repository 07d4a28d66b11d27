import { MESSAGE_PREFIX, type VerifyErrorCode } from './codes'

/** A verification that passed. */
export interface VerifySuccess {
  readonly ok: true
  /**
   * Which configured secret matched (0 for a single secret). During a secret
   * rotation this tells you when the old secret has stopped being used.
   * Absent for credential schemes that have no secret list.
   */
  readonly secretIndex?: number
}

/** A verification that failed, as data. */
export interface VerifyFailure {
  readonly ok: false
  /** Stable machine-readable reason. */
  readonly code: VerifyErrorCode
  /** Human-readable explanation. Never contains a secret or the body. */
  readonly message: string
  /** The header the failure is about, lower-case, when there is one. */
  readonly header?: string
}

/** The result of every verifier: `{ ok: true }` or `{ ok: false, code, message }`. */
export type VerifyResult = VerifySuccess | VerifyFailure

/** Builds a failure; the message always carries the package prefix. */
export function fail(code: VerifyErrorCode, message: string, header?: string): VerifyFailure {
  const failure: { ok: false; code: VerifyErrorCode; message: string; header?: string } = {
    ok: false,
    code,
    message: MESSAGE_PREFIX + message,
  }
  if (header !== undefined) failure.header = header
  return failure
}

/** Shared success values: verifiers sit on a hot path, so avoid an allocation per call. */
const SUCCESSES: VerifySuccess[] = [0, 1, 2, 3, 4, 5, 6, 7].map((secretIndex) =>
  Object.freeze({ ok: true as const, secretIndex }),
)

/** A success naming the secret that matched. */
export function succeed(secretIndex: number): VerifySuccess {
  return SUCCESSES[secretIndex] ?? { ok: true, secretIndex }
}

/** Narrows a value that is either some data or a failure. */
export function isFailure(value: unknown): value is VerifyFailure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false
}
