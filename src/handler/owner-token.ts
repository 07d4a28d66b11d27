/**
 * A token naming one delivery as the owner of its de-duplication claim.
 * It only has to be unique across the instances sharing a store, not secret,
 * so Web Crypto is used where the runtime has it and `Math.random` (seeded
 * per process) elsewhere, such as Node 18's main entry, which has no global
 * `crypto`. 128 bits either way.
 */
export function newOwnerToken(): string {
  const bytes = new Uint8Array(16)
  const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  let token = ''
  for (const byte of bytes) token += byte.toString(16).padStart(2, '0')
  return token
}
