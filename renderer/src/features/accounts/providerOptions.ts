import type { OptionKey, ProviderInfo, ProviderOptions } from '../../lib/contract'

/** What the person has typed into each option field, before trimming or splitting. */
export type OptionText = Partial<Record<OptionKey, string>>

type OptionField = {
  label: string
  hint?: string
  placeholder?: string
  multiline?: boolean
  type?: 'url'
  maxLength?: number
  /** A fixed set of answers, shown as a select; the first is the default main fills in. */
  choices?: readonly { value: string; label: string }[]
}

/**
 * How each option is asked for. Keyed by option rather than provider, so a provider only has to
 * list its keys in ProviderInfo. The token URL and audience placeholders mirror the defaults main
 * fills in when those are left out; ProviderInfo does not carry them.
 */
export const OPTION_FIELDS: Record<OptionKey, OptionField> = {
  planManagerIds: {
    label: 'Plan manager IDs',
    hint: 'One UUID per line (X-Plan-Manager-Id). The API key must have access to each.',
    multiline: true
  },
  login: { label: 'Login', hint: 'Your customer portal login.', maxLength: 200 },
  clientId: { label: 'Client ID', maxLength: 200 },
  tokenUrl: {
    label: 'Token URL',
    hint: 'Leave empty for the default.',
    placeholder: 'https://lynkwell-prod.us.auth0.com/oauth/token',
    type: 'url'
  },
  audience: { label: 'Audience', hint: 'Leave empty for the default.', placeholder: 'https://api.lynkwell.com', maxLength: 500 },
  amountUnit: {
    label: 'Amounts are in',
    hint: 'Lynkwell’s reference does not say whether amounts are dollars or cents. Keep dollars unless totals in Quire are 100 times those in Lynkwell.',
    choices: [
      { value: 'major', label: 'Dollars (major units)' },
      { value: 'minor', label: 'Cents (minor units)' }
    ]
  }
}

/** The provider's options in form order: the ones it requires first. */
export function optionFieldsFor(provider: ProviderInfo): { key: OptionKey; required: boolean }[] {
  return [
    ...provider.requiredOptions.map((key) => ({ key, required: true })),
    ...provider.optionalOptions.map((key) => ({ key, required: false }))
  ]
}

/** Whitespace and commas both separate, so a column, a CSV cell or one ID per line all paste cleanly. */
export function splitPlanManagerIds(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))]
}

/**
 * Only the provider's own keys, and only filled-in ones: main rejects keys a provider does not
 * use, and fills its defaults for optional ones that are missing (but not for empty strings).
 */
export function toProviderOptions(provider: ProviderInfo, text: OptionText): ProviderOptions {
  const options: ProviderOptions = {}
  for (const { key } of optionFieldsFor(provider)) {
    const value = text[key]?.trim()
    if (!value) continue
    if (key === 'planManagerIds') {
      const ids = splitPlanManagerIds(value)
      if (ids.length > 0) options.planManagerIds = ids
    } else if (key === 'amountUnit') {
      if (value === 'major' || value === 'minor') options.amountUnit = value
    } else {
      options[key] = value
    }
  }
  return options
}
