/**
 * The log's last line of defence. Quire never logs a secret on purpose (connectors redact what
 * providers quote back), but an unexpected error's message or stack can carry text from a
 * request. Every line is scrubbed for the shapes credentials take in Quire's four providers
 * before it is written: bearer tokens, Hoursmith's `hsk_` tokens, JWTs (Yeti's), and
 * secret-named fields in JSON, form or header text.
 */
const RULES: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/\bhsk_[A-Za-z0-9_-]+/g, '[redacted]'],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[redacted]'],
  [
    /("?(?:client_secret|access_token|refresh_token|id_token|password|api[_-]?key|secret|token|authorization|x-api-key)"?\s*[:=]\s*"?)[^"\s,&}]+/gi,
    '$1[redacted]'
  ]
]

export function scrubSecrets(line: string): string {
  return RULES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), line)
}
