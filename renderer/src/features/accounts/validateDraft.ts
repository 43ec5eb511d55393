/**
 * Early, friendly checks so an obviously incomplete form never sends the token anywhere. Main
 * validates again and has the final word.
 */
export type DraftField = 'name' | 'baseUrl' | 'secret'
export type DraftProblem = { field: DraftField; message: string }

export function checkName(name: string): DraftProblem | null {
  const trimmed = name.trim()
  if (!trimmed) return { field: 'name', message: 'Enter a name for the account, such as the company it belongs to.' }
  if (trimmed.length > 64) return { field: 'name', message: 'Use at most 64 characters for the account name.' }
  if (/[/\p{Cc}]/u.test(trimmed)) return { field: 'name', message: 'An account name cannot contain “/”.' }
  return null
}

export function checkBaseUrl(baseUrl: string, example: string): DraftProblem | null {
  const trimmed = baseUrl.trim()
  if (!trimmed) return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { field: 'baseUrl', message: `Enter a full URL like ${example}, or leave it empty to use the default.` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { field: 'baseUrl', message: 'The base URL must start with https:// or http://.' }
  }
  return null
}

export function checkSecret(secret: string): DraftProblem | null {
  return secret.trim() ? null : { field: 'secret', message: 'Paste the API token from your provider’s settings.' }
}
