/**
 * What a large cache adds to a launch: the same launch (core open, first rows through the
 * contract) on the large cache and on an empty one, each in a fresh process, several times; the
 * figure is the difference of the medians.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createCore } from '../../main/app/create-core'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'
import { percentiles, round } from './stats'

const LAUNCHES = 5
const child = fileURLToPath(new URL('./launch-child.ts', import.meta.url))

export interface LaunchFigures {
  launches: number
  large: { openMs: number; firstRowsMs: number }
  empty: { openMs: number; firstRowsMs: number }
  /** Median first rows on the large cache less the same on the empty one. */
  extraMs: number
}

export async function measureLaunch(largeDataDir: string): Promise<LaunchFigures> {
  const empty = tempDir('quire-bench-empty-')
  try {
    // Created (and migrated) once beforehand, so no launch measured pays a first-time setup.
    await (await createCore({ dataDir: empty.path, secrets: new MemorySecrets() })).close()
    await launch(largeDataDir)
    const large: Launch[] = []
    const none: Launch[] = []
    for (let i = 0; i < LAUNCHES; i += 1) {
      large.push(await launch(largeDataDir))
      none.push(await launch(empty.path))
    }
    const median = (runs: Launch[], key: keyof Launch): number => percentiles(runs.map((run) => run[key])).p50
    const figures = (runs: Launch[]) => ({ openMs: median(runs, 'openMs'), firstRowsMs: median(runs, 'firstRowsMs') })
    return {
      launches: LAUNCHES,
      large: figures(large),
      empty: figures(none),
      extraMs: round(median(large, 'firstRowsMs') - median(none, 'firstRowsMs'))
    }
  } finally {
    empty.remove()
  }
}

type Launch = { openMs: number; firstRowsMs: number }

async function launch(dataDir: string): Promise<Launch> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, dataDir], { maxBuffer: 1 << 20 })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Launch
}
