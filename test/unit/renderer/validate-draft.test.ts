import { describe, expect, it } from 'vitest'
import type { ProviderInfo } from '../../../preload/contract'
import { checkBaseUrl, checkName, checkOptions, checkSecret } from '../../../renderer/src/features/accounts/validateDraft'

const careSquare: ProviderInfo = {
  id: 'caresquare',
  label: 'CareSquare',
  defaultBaseUrl: 'https://api.caresquare.example',
  secretLabel: 'API key',
  requiredOptions: ['planManagerIds'],
  optionalOptions: []
}
const yeti: ProviderInfo = {
  ...careSquare,
  id: 'yeti',
  label: 'Yeti-Switch',
  defaultBaseUrl: null,
  secretLabel: 'Password',
  requiredOptions: ['login']
}
const lynkwell: ProviderInfo = {
  ...careSquare,
  id: 'lynkwell',
  label: 'Lynkwell',
  requiredOptions: ['clientId'],
  optionalOptions: ['tokenUrl', 'audience']
}

describe('the add-account form’s early checks', () => {
  it('asks for a name, at most 64 characters, without a slash (the CLI’s ACCOUNT/REMOTE_ID separator)', () => {
    expect(checkName('  ')?.field).toBe('name')
    expect(checkName('x'.repeat(65))?.message).toMatch(/64 characters/)
    expect(checkName('North/South')?.message).toMatch(/“\/”/)
    expect(checkName('North\u0007')).not.toBeNull()
    expect(checkName('  Studio  ')).toBeNull()
  })

  it('requires a base URL only for a self-hosted provider, and only http(s) URLs', () => {
    expect(checkBaseUrl('', careSquare)).toBeNull()
    expect(checkBaseUrl('', yeti)?.message).toMatch(/self-hosted/)
    expect(checkBaseUrl('billing.example.net', yeti)?.message).toMatch(/full URL/)
    expect(checkBaseUrl('ftp://billing.example.net', yeti)?.message).toMatch(/https:\/\/ or http:\/\//)
    expect(checkBaseUrl('https://billing.example.net/api', yeti)).toBeNull()
  })

  it('checks plan manager ids as UUIDs, split by whitespace or commas', () => {
    expect(checkOptions(careSquare, {})?.message).toMatch(/at least one/)
    expect(checkOptions(careSquare, { planManagerIds: '123e4567-e89b-42d3-a456-426614174000, nope' })?.message).toMatch(
      /“nope” is not a plan manager ID/
    )
    expect(
      checkOptions(careSquare, { planManagerIds: '123e4567-e89b-42d3-a456-426614174000\n00000000-0000-0000-0000-000000000000' })
    ).toBeNull()
  })

  it('requires the provider’s own options, and checks optional URLs only when given', () => {
    expect(checkOptions(yeti, { login: ' ' })?.field).toBe('login')
    expect(checkOptions(lynkwell, { clientId: 'abc' })).toBeNull()
    expect(checkOptions(lynkwell, { clientId: 'abc', tokenUrl: 'not a url' })?.field).toBe('tokenUrl')
  })

  it('asks for the secret by the provider’s own name for it', () => {
    expect(checkSecret(' ', 'API key')?.message).toBe('Enter the API key for this account.')
    expect(checkSecret('hsk_1', 'API key')).toBeNull()
  })
})
