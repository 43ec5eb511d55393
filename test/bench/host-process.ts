import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { round } from './stats'

export interface HostProcess {
  url: string
  pid: number
  stop(): Promise<void>
}

/** The bench host on `dataDir` in a child process (see bench-host-child.ts). */
export async function startHostProcess(dataDir: string, rendererDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bench-host-child.ts'), dataDir, rendererDir], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url))
    child.once('exit', (code) => reject(new Error(`bench host exited with ${code}`)))
  })
  return { url, pid: child.pid!, stop: () => stop(child) }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Resident memory of process `pid` in MiB, as the kernel counts it (VmRSS). */
export function rssMb(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!line) throw new Error(`no VmRSS for process ${pid}`)
  return Number(line[1]) / 1024
}

export interface RssWatch {
  /** Highest sample so far, and the median of the samples since `from` (a `now()` reading). */
  peakMb(): number
  medianMbSince(from: number): number
  now(): number
  stop(): void
}

/** Samples another process's RSS every `intervalMs` until stopped. */
export function watchRss(pid: number, intervalMs = 50): RssWatch {
  const samples: { at: number; mb: number }[] = []
  const sample = (): void => {
    samples.push({ at: performance.now(), mb: rssMb(pid) })
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  return {
    peakMb: () => round(Math.max(...samples.map((s) => s.mb)), 0),
    medianMbSince: (from) => {
      const since = samples
        .filter((s) => s.at >= from)
        .map((s) => s.mb)
        .sort((a, b) => a - b)
      return round(since[Math.floor(since.length / 2)] ?? Number.NaN, 0)
    },
    now: () => performance.now(),
    stop: () => clearInterval(timer)
  }
}
