import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * SQLite's `quick_check` reads every page of the cache: seconds at a million invoices. Run on
 * its own read-only connection in a worker thread, it costs the launch nothing and the app is
 * usable while it runs; damage it finds is reported when it is found (see CacheHealth).
 *
 * The worker is evaluated from source rather than loaded from a file, so it is the same under
 * the Electron bundle, tsx (CLI, test host) and the tests; it loads better-sqlite3 from the path
 * this module resolves, which is the copy the main thread uses.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
let db
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true })
  const rows = db.pragma('quick_check(' + workerData.maxErrors + ')', { simple: false }).map((row) => Object.values(row)[0])
  const ok = rows.length === 1 && rows[0] === 'ok'
  const drifted = ok ? workerData.consistency.filter((check) => db.prepare(check.sql).pluck().get() !== 0).map((check) => check.name) : []
  parentPort.postMessage({ ok, problems: rows.filter((r) => r !== 'ok').map(String), drifted })
} catch (error) {
  parentPort.postMessage({ ok: false, problems: [String(error && error.message || error)], code: error && error.code })
} finally {
  if (db) db.close()
}
`

/** quick_check stops after this many problems: enough to show, never a flood. */
const MAX_PROBLEMS = 10

/**
 * A table the app keeps beside the invoices (a rollup of them): `sql` counts what disagrees with
 * the invoices, 0 when they agree. Checked only on a cache SQLite found sound.
 */
export interface ConsistencyCheck {
  name: string
  sql: string
}

/**
 * `stopped`: the cache was closed before the check finished, so nothing is known. `drifted`:
 * the consistency checks of a sound cache that found disagreement.
 */
export type IntegrityResult = { state: 'ok'; drifted: string[] } | { state: 'damaged'; problems: string[] } | { state: 'stopped' }

type WorkerAnswer = { ok: boolean; problems: string[]; drifted?: string[]; code?: string }

export interface RunningCheck {
  result: Promise<IntegrityResult>
  /**
   * Ends the check. A worker cannot be interrupted inside SQLite's call, so this waits for
   * quick_check to return (a process exits no sooner either): closing within the first seconds
   * after opening a large cache waits for the check, as every open used to.
   */
  stop(): Promise<void>
}

/** Rejects only when the check could not run (a locked or missing file): that is not damage. */
export function checkIntegrityInWorker(file: string, consistency: readonly ConsistencyCheck[] = []): RunningCheck {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, maxErrors: MAX_PROBLEMS, consistency } })
  // A check must never keep a CLI command or a test process alive on its own.
  worker.unref()
  let stopped = false
  const result = new Promise<IntegrityResult>((resolve, reject) => {
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.ok) resolve({ state: 'ok', drifted: answer.drifted ?? [] })
      else if (answer.code === undefined || /^SQLITE_(CORRUPT|NOTADB)/.test(answer.code))
        resolve({ state: 'damaged', problems: answer.problems })
      else reject(new Error(`the integrity check could not run: ${answer.problems.join('; ')}`))
    })
    worker.once('error', reject)
    worker.once('exit', () => (stopped ? resolve({ state: 'stopped' }) : reject(new Error('the integrity check ended without an answer'))))
  })
  return {
    result,
    async stop() {
      stopped = true
      await worker.terminate()
    }
  }
}
