import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { BALANCE_SCALED } from './derived-columns'
import { DUPLICATE, LO_BITS, PRESENT, REMOVED, UNKNOWN_TOTAL, WONT_CLAIM, type MoneyColumnsData } from './money-columns'

/**
 * Reading a million invoices' money into typed arrays takes about a second: it runs on its own
 * read-only connection in a worker thread, inside one read transaction (one snapshot), and hands
 * the arrays over without copying. Evaluated from source, as the integrity check is, so it is the
 * same under the Electron bundle, tsx and the tests.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
let db
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true })
  db.exec('BEGIN')
  const size = (db.prepare('SELECT max(id) FROM invoices').pluck().get() ?? 0) + 1
  const currency = new Uint16Array(size), status = new Uint8Array(size), bits = new Uint8Array(size)
  const totalHi = new Int32Array(size), totalLo = new Int32Array(size), balanceHi = new Int32Array(size), balanceLo = new Int32Array(size)
  const currencies = new Map(), statuses = new Map()
  const code = (codes, value, limit) => {
    let index = codes.get(value)
    if (index === undefined) {
      if (codes.size >= limit) throw new Error('more distinct values than the columns hold: ' + value)
      codes.set(value, (index = codes.size))
    }
    return index
  }
  const int32 = (value) => {
    if (value > 2147483647 || value < -2147483648) throw new Error('an amount too large for the columns')
    return value
  }
  for (const [id, s, c, th, tl, bh, bl] of db.prepare(workerData.moneySql).raw().iterate()) {
    status[id] = code(statuses, s, 255)
    currency[id] = code(currencies, c, 65535)
    bits[id] = workerData.present
    totalHi[id] = int32(th)
    totalLo[id] = tl
    balanceHi[id] = int32(bh)
    balanceLo[id] = bl
  }
  for (const [bit, sql] of workerData.flagSql) for (const id of db.prepare(sql).pluck().iterate()) bits[id] |= bit
  db.exec('COMMIT')
  const arrays = { currency, status, bits, totalHi, totalLo, balanceHi, balanceLo }
  parentPort.postMessage(
    { ok: true, data: { currencies: [...currencies.keys()], statuses: [...statuses.keys()], ...arrays } },
    Object.values(arrays).map((array) => array.buffer)
  )
} catch (error) {
  parentPort.postMessage({ ok: false, message: String((error && error.message) || error) })
} finally {
  if (db) db.close()
}
`

const MASK = 2 ** LO_BITS - 1

/** Read through the covering (id, status, currency, total, balance) index, never the rows. */
const MONEY_SQL = `SELECT i.id, i.status, i.currency, i.total_scaled >> ${LO_BITS}, i.total_scaled & ${MASK},
  ${BALANCE_SCALED} >> ${LO_BITS}, ${BALANCE_SCALED} & ${MASK}
  FROM invoices i INDEXED BY invoices_money_by_id`

/** Each flag from its own small partial index. */
const FLAG_SQL: [number, string][] = [
  [REMOVED, 'SELECT id FROM invoices WHERE removed = 1'],
  [DUPLICATE, 'SELECT id FROM invoices WHERE is_duplicate = 1'],
  [WONT_CLAIM, 'SELECT id FROM invoices WHERE wont_claim = 1'],
  [UNKNOWN_TOTAL, `SELECT id FROM invoices WHERE total = ''`]
]

export interface RunningBuild {
  /** Null when the build was stopped before it finished. */
  result: Promise<MoneyColumnsData | null>
  stop(): Promise<void>
}

/** Rejects when the columns could not be built (a value they cannot hold, a locked file). */
export function buildMoneyColumns(file: string): RunningBuild {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, moneySql: MONEY_SQL, flagSql: FLAG_SQL, present: PRESENT }
  })
  // A build must never keep a CLI command or a test process alive on its own.
  worker.unref()
  let stopped = false
  const result = new Promise<MoneyColumnsData | null>((resolve, reject) => {
    worker.once('message', (answer: { ok: true; data: MoneyColumnsData } | { ok: false; message: string }) => {
      if (answer.ok) resolve(answer.data)
      else reject(new Error(`the money columns could not be built: ${answer.message}`))
    })
    worker.once('error', reject)
    worker.once('exit', () => (stopped ? resolve(null) : reject(new Error('the money columns build ended without an answer'))))
  })
  return {
    result,
    async stop() {
      stopped = true
      await worker.terminate()
    }
  }
}
