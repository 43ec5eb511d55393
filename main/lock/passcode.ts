/**
 * The unlock passcode is never stored: only a salted scrypt hash, kept in the OS keychain beside
 * the account tokens (a copied data folder carries nothing to brute-force offline).
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'

/** scrypt's interactive-login cost (N=2^15, r=8): ~50 ms and 32 MiB here, slow enough to make guessing dear. */
const COST = { N: 32_768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const
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

/** False for a wrong passcode and for a stored value that cannot be read (never an exception). */
export async function verifyPasscode(passcode: string, stored: string): Promise<boolean> {
  let parsed: z.infer<typeof StoredHash>
  try {
    parsed = StoredHash.parse(JSON.parse(stored))
  } catch {
    return false
  }
  const expected = Buffer.from(parsed.hash, 'base64')
  const actual = await scrypt(passcode, Buffer.from(parsed.salt, 'base64'), { N: parsed.N, r: parsed.r, p: parsed.p, maxmem: COST.maxmem })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

function scrypt(passcode: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(passcode.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}
