export interface BodySpec {
  readonly text?: string
  readonly base64?: string
  readonly repeat?: string
  readonly times?: number
}
export function bodyBytes(spec: BodySpec): Buffer
export function buildFixtures(): Record<string, { about: string; vectors: unknown[] }>
export function serialise(value: unknown): string
