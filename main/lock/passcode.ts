/**
 * The unlock passcode is never stored: only a salted scrypt hash, kept in the OS keychain beside
 * the account tokens (a copied data folder carries nothing to brute-force offline).
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'

/**
 * N=2^17, r=8: 128 MiB and a few hundred ms per check, so an offline guess at a copied hash costs
 * as much as one at the lock screen. maxmem leaves room above the 128 MiB that cost needs.
 */
const COST = { N: 131_072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const
const KEY_LENGTH = 32

const StoredHash = z.object({
  v: z.literal(1),
  salt: z.string().min(1),
  hash: z.string().min(1),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive()
})

export async function hashPasscode(passcode: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(passcode, salt, COST)
  return JSON.stringify({ v: 1, salt: salt.toString('base64'), hash: hash.toString('base64'), N: COST.N, r: COST.r, p: COST.p })
}

/** Whether a stored hash was made at a lower cost than today's (then it is made again on the next successful unlock). */
export function needsRehash(stored: string): boolean {
  const parsed = StoredHash.safeParse(parseJson(stored))
  return !parsed.success || parsed.data.N < COST.N || parsed.data.r < COST.r
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** False for a wrong passcode and for a stored value that cannot be read (never an exception). */
export async function verifyPasscode(passcode: string, stored: string): Promise<boolean> {
  const result = StoredHash.safeParse(parseJson(stored))
  if (!result.success) return false
  const parsed = result.data
  const expected = Buffer.from(parsed.hash, 'base64')
  const actual = await scrypt(passcode, Buffer.from(parsed.salt, 'base64'), { N: parsed.N, r: parsed.r, p: parsed.p, maxmem: COST.maxmem })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

function scrypt(passcode: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(passcode.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}
