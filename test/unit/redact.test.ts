import { describe, expect, it } from 'vitest'
import { redact } from '../../main/providers/parse-wire'

describe('redaction catches a secret in the forms servers echo it in', () => {
  const secret = 'hsk_s3cr3t+/key with space&more=é'

  it('removes it plain, URL-encoded (both hex cases, form style) and base64/base64url', () => {
    const echoes = [
      secret,
      encodeURIComponent(secret),
      encodeURIComponent(secret).toLowerCase(),
      new URLSearchParams({ token: secret }).toString(),
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url')
    ]
    for (const echo of echoes) {
      const out = redact(`the server said: bad token ${echo} (try again)`, [secret])
      expect(out, echo).toContain('[redacted]')
      expect(out, echo).not.toContain(echo.replace(/^token=/, ''))
    }
  })

  it('finds it inside a longer base64 value, such as a Basic credential, at any alignment', () => {
    for (const login of ['a', 'ab', 'abc', 'user']) {
      const basic = Buffer.from(`${login}:${secret}`).toString('base64')
      const out = redact(`Authorization: Basic ${basic} was refused`, [secret])
      const left = out.replace(/^Authorization: Basic /, '').replace(/ was refused$/, '')
      // What remains cannot be decoded back to the secret.
      expect(Buffer.from(left.replace('[redacted]', ''), 'base64').toString('utf8')).not.toContain(secret)
      expect(out).toContain('[redacted]')
    }
  })

  it('leaves ordinary text alone', () => {
    expect(redact('Invalid client credentials.', ['abc'])).toBe('Invalid client credentials.')
  })
})
