import type { OptionKey, ProviderInfo } from '../../lib/contract'
import { inSentence } from '../../lib/format'
import { OPTION_FIELDS, optionFieldsFor, splitPlanManagerIds, type OptionText } from './providerOptions'

/**
 * Early, friendly checks so an obviously incomplete form never sends the token anywhere. Main
 * validates again and has the final word.
 */
export type DraftField = 'name' | 'baseUrl' | 'secret' | OptionKey
export type DraftProblem = { field: DraftField; message: string }

export const SELF_HOSTED_EXAMPLE = 'https://billing.example.net/api/rest/customer/v1'

/** The same shape zod's uuid() accepts in main (RFC 9562 versions 1–8, plus the nil and max UUIDs). */
const UUID =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i
const MAX_PLAN_MANAGERS = 50

export function checkName(name: string): DraftProblem | null {
  const trimmed = name.trim()
  if (!trimmed) return { field: 'name', message: 'Enter a name for the account, such as the company it belongs to.' }
  if (trimmed.length > 64) return { field: 'name', message: 'Use at most 64 characters for the account name.' }
  if (/[/\p{Cc}]/u.test(trimmed)) return { field: 'name', message: 'An account name cannot contain “/”.' }
  return null
}

function checkUrl(text: string, field: DraftField, label: string, example: string | undefined, optional: boolean): DraftProblem | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    const like = example ? ` like ${example}` : ''
    const orEmpty = optional ? ', or leave it empty to use the default' : ''
    return { field, message: `Enter a full URL${like}${orEmpty}.` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { field, message: `The ${inSentence(label)} must start with https:// or http://.` }
  }
  return null
}

export function checkBaseUrl(baseUrl: string, provider: ProviderInfo): DraftProblem | null {
  const selfHosted = provider.defaultBaseUrl === null
  if (!baseUrl.trim()) {
    return selfHosted ? { field: 'baseUrl', message: `${provider.label} is self-hosted: enter your operator’s API address.` } : null
  }
  return checkUrl(baseUrl, 'baseUrl', 'Base URL', provider.defaultBaseUrl ?? SELF_HOSTED_EXAMPLE, !selfHosted)
}

function checkPlanManagerIds(text: string, required: boolean): DraftProblem | null {
  const ids = splitPlanManagerIds(text)
  if (ids.length === 0) return required ? { field: 'planManagerIds', message: 'Enter at least one plan manager ID.' } : null
  const wrong = ids.find((id) => !UUID.test(id))
  if (wrong !== undefined) {
    return {
      field: 'planManagerIds',
      message: `“${wrong}” is not a plan manager ID. Each one is a UUID like 123e4567-e89b-42d3-a456-426614174000.`
    }
  }
  if (ids.length > MAX_PLAN_MANAGERS) {
    return { field: 'planManagerIds', message: `Enter at most ${MAX_PLAN_MANAGERS} plan manager IDs.` }
  }
  return null
}

function checkOption(key: OptionKey, value: string, required: boolean): DraftProblem | null {
  if (key === 'planManagerIds') return checkPlanManagerIds(value, required)
  const { label, type, placeholder } = OPTION_FIELDS[key]
  if (!value) return required ? { field: key, message: `Enter the ${inSentence(label)}.` } : null
  return type === 'url' ? checkUrl(value, key, label, placeholder, !required) : null
}

export function checkOptions(provider: ProviderInfo, text: OptionText): DraftProblem | null {
  for (const { key, required } of optionFieldsFor(provider)) {
    const problem = checkOption(key, text[key]?.trim() ?? '', required)
    if (problem) return problem
  }
  return null
}

export function checkSecret(secret: string, label: string): DraftProblem | null {
  return secret.trim() ? null : { field: 'secret', message: `Enter the ${inSentence(label)} for this account.` }
}
