import { KeytarSecretStore } from '../secrets/keytar-store'
import { runCli } from './run-cli'

// `quire changes … | head`: once the reader has what it wants, stop quietly as Unix tools do,
// instead of dying on EPIPE with a stack trace. Every write Quire makes to the cache is already
// one transaction, so stopping here loses nothing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})

const code = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
  new KeytarSecretStore()
)
process.exitCode = code
