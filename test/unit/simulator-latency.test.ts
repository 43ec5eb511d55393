import { describe, expect, it } from 'vitest'
import { withLatency, type Fault } from '../../main/simulators/shared/faults'
import { startHoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { hoursmithToken } from '../helpers/tokens'

describe('simulated link latency', () => {
  const request = (index: number) => ({ index, method: 'GET', path: '/api/v1/invoices' })

  it('delays every request by the latency plus or minus the jitter, the same way for the same seed', () => {
    const plan = withLatency({ ms: 80, jitterMs: 20, seed: 7 })
    const waits = Array.from({ length: 500 }, (_, i) => plan(request(i)) as Extract<Fault, { kind: 'delay' }>)
    expect(waits.every((fault) => fault.kind === 'delay' && fault.ms >= 60 && fault.ms <= 100)).toBe(true)
    expect(new Set(waits.map((fault) => Math.round(fault.ms))).size).toBeGreaterThan(20)
    const again = withLatency({ ms: 80, jitterMs: 20, seed: 7 })
    expect(Array.from({ length: 500 }, (_, i) => again(request(i)))).toEqual(waits)
  })

  it('keeps injected faults: a status answers as injected, an injected delay adds to the latency', () => {
    const status: Fault = { kind: 'status', status: 503 }
    expect(withLatency({ ms: 80, jitterMs: 0 }, () => status)(request(0))).toEqual(status)
    expect(withLatency({ ms: 80, jitterMs: 0 }, () => ({ kind: 'delay', ms: 500 }))(request(0))).toEqual({ kind: 'delay', ms: 580 })
  })

  it('makes a simulator answer no sooner than its latency', async () => {
    const token = hoursmithToken()
    const sim = await startHoursmithSimulator({ invoices: 10, tokens: { [token]: {} }, faults: withLatency({ ms: 120, jitterMs: 0 }) })
    try {
      const started = performance.now()
      const response = await fetch(`${sim.baseUrl}/invoices`, { headers: { Authorization: `Bearer ${token}` } })
      expect(response.status).toBe(200)
      expect(performance.now() - started).toBeGreaterThanOrEqual(115)
    } finally {
      await sim.close()
    }
  })
})
