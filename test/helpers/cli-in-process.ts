import { PassThrough, Readable } from 'node:stream'
import { runCli } from '../../main/cli/run-cli'
import type { SecretStore } from '../../main/secrets/secret-store'

/** One CLI invocation in this process against `dataDir`, with its exit code and both streams. */
export async function cliInProcess(
  dataDir: string,
  secrets: SecretStore,
  args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: string[] = []
  const err: string[] = []
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()))
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()))
  const code = await runCli(['--data-dir', dataDir, ...args], { stdout, stderr, stdin: Readable.from([]) }, secrets)
  return { code, stdout: out.join(''), stderr: err.join('') }
}
