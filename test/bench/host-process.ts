import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { stopChild } from '../e2e/support/host'
import { round } from './stats'

export interface HostProcess {
  url: string
  pid: number
  stop(): Promise<void>
}

/**
 * The bench host on `dataDir` in a child process (see bench-host-child.ts), run from one bundle
 * as the app runs its built main: under tsx the same host holds another ~160 MB of compiled
 * TypeScript and source maps, which no user's process carries. The bundle sits under
 * node_modules/.cache so that its native modules resolve, with the migrations beside it as in
 * the app's build.
 */
export async function startHostProcess(dataDir: string, rendererDir: string): Promise<HostProcess> {
  const cache = resolve('node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const buildDir = mkdtempSync(join(cache, 'quire-bench-host-'))
  const bundle = join(buildDir, 'bench-host.mjs')
  const build = spawnSync(
    join('node_modules', '.bin', 'esbuild'),
    [
      join(import.meta.dirname, 'bench-host-child.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outfile=${bundle}`,
      '--log-level=error'
    ],
    { encoding: 'utf8' }
  )
  if (build.status !== 0) throw new Error(`bench: bundling the host failed:\n${build.stdout}${build.stderr}`)
  cpSync(join('main', 'db', 'migrations'), join(buildDir, 'migrations'), { recursive: true })
  const child = spawn(process.execPath, [bundle, dataDir, rendererDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url))
      child.once('exit', (code) => reject(new Error(`bench host exited with ${code}`)))
    })
    return {
      url,
      pid: child.pid!,
      stop: async () => {
        await stopChild(child)
        rmSync(buildDir, { recursive: true, force: true })
      }
    }
  } catch (error) {
    await stopChild(child)
    rmSync(buildDir, { recursive: true, force: true })
    throw error
  }
}

/** Resident memory of process `pid` in MiB, as the kernel counts it (VmRSS). */
function rssMb(pid: number): number {
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
