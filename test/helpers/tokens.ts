import { randomBytes } from 'node:crypto'

/** A fresh token in Hoursmith's documented shape: hsk_<env>_<prefix12>_<secret32>. */
export function hoursmithToken(): string {
  const alnum = (n: number): string => Array.from(randomBytes(n), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('')
  return `hsk_test_${alnum(12)}_${alnum(32)}`
}
