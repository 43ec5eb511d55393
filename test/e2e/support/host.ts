import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface RunningHost {
  url: string
  stop(): Promise<void>
}

/** Starts the test host as `npm run host` does and waits for its one JSON line. */
export async function startHost(dataDir: string): Promise<RunningHost> {
  // One process (node with tsx's loader, as `npm run host` runs it), so SIGTERM reaches the host itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/main.ts', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env
  })
  const stderr: string[] = []
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url))
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr.join('')}`)))
  })
  return { url, stop: () => stopChild(child) }
}

/** Ends a child process with SIGTERM; resolves once it has exited (at once if it already has). */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
