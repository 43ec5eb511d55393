import { KeytarSecretStore } from '../secrets/keytar-store'
import { runCli } from './run-cli'

const code = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }, new KeytarSecretStore())
process.exitCode = code
