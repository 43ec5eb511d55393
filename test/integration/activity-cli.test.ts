import { randomUUID } from 'node:crypto'
import { userInfo } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCareSquareSimulator, type CareSquareSimulator } from '../../main/simulators/caresquare/server'
import { fakeClock } from '../helpers/fake-clock'
import { MemorySecrets } from '../helpers/memory-secrets'
import { cliInProcess } from '../helpers/cli-in-process'
import { openTestCore, type TestCore } from '../helpers/test-core'

/** `quire activity …` in process, on a cache holding a synced CareSquare account and one local session. */
describe('quire activity', () => {
  const planManagerId = randomUUID()
  const key = `cs_live_${randomUUID().replaceAll('-', '')}`
  let simulator: CareSquareSimulator
  let testCore: TestCore
  const me = userInfo().username

  beforeAll(async () => {
    simulator = await startCareSquareSimulator({ invoices: 40, apiKeys: { [key]: { planManagerIds: [planManagerId] } } })
    const clock = fakeClock(new Date('2026-11-23T09:00:00Z'))
    testCore = await openTestCore({ clock })
    const { core } = testCore
    const account = await core.accounts.add({
      provider: 'caresquare',
      name: 'Plan Co',
      baseUrl: simulator.baseUrl,
      secret: key,
      options: { planManagerIds: [planManagerId] }
    })
    await core.sync.run()
    // 65 s on seed 001's invoice: focused throughout, one click at the start.
    const { sessionId } = core.activity.begin(account.id, 'string', 'detail', {
      focused: true,
      visible: true,
      lastInputAt: clock.now().toISOString()
    })
    for (let beat = 0; beat < 13; beat += 1) {
      await clock.sleep(5_000)
      core.activity.heartbeat(sessionId!, { focused: true, visible: true, lastInputAt: '2026-11-23T09:00:00.000Z' })
    }
    core.activity.end(sessionId!)
    await core.close()
  })
  afterAll(async () => {
    await simulator.close()
    await testCore.close()
  })

  const quire = (...args: string[]): ReturnType<typeof cliInProcess> => cliInProcess(testCore.dir.path, new MemorySecrets(), args)

  it('lists an invoice’s sessions, remote and local, newest first, with the documented columns', async () => {
    const table = await quire('activity', 'Plan Co/string')
    expect(table.code).toBe(0)
    const lines = table.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^SOURCE\s+USER\s+STARTED\s+ENDED\s+DURATION\s+ACTIVE\s+ENGAGED\s+IDLE$/)
    expect(lines[1]).toMatch(new RegExp(`^local\\s+${me}\\s+2026-11-23 09:00:00Z\\s+2026-11-23 09:01:05Z\\s+1m 05s\\s+1m 05s\\s+30s\\s+1$`))
    expect(lines[2]).toMatch(/^remote\s+string\s+2024-01-15 09:30:00Z\s+2024-01-15 09:30:00Z\s+1s\s+1s\s+1s\s+1$/)
    expect(lines).toHaveLength(3)
    expect(table.stderr).toContain(
      '2 sessions (1 from the provider, 1 recorded here) by 2 people: 1m 06s in all, 1m 06s active, 31s engaged'
    )

    const json = JSON.parse((await quire('activity', 'Plan Co/string', '--json')).stdout)
    expect(json.sessions.map((s: { source: string }) => s.source)).toEqual(['local', 'remote'])
    expect(json.sessions[0]).toMatchObject({
      userName: me,
      surface: 'detail',
      durationSeconds: 65,
      activeSeconds: 65,
      engagedSeconds: 30,
      idleCount: 1,
      open: false
    })
    expect(json.totals).toMatchObject({ sessions: 2, remote: 1, local: 1, viewers: 2, durationSeconds: 66 })
    expect(json.remoteSync).toMatchObject({ account: 'Plan Co', error: null })
  })

  it('lists the workspace’s recent sessions with their invoice', async () => {
    const recent = await quire('activity', '--recent', '--limit', '3')
    expect(recent.code).toBe(0)
    const lines = recent.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^INVOICE\s+SOURCE\s+USER/)
    expect(lines[1]).toMatch(/^Plan Co\/string\s+local\s/)
    expect(lines).toHaveLength(4)

    const json = JSON.parse((await quire('activity', '--recent', '--json')).stdout)
    const total = simulator.viewSessions[planManagerId]!.length + 1
    expect(json.sessions).toHaveLength(total)
    const starts = json.sessions.map((s: { startedAt: string }) => s.startedAt)
    expect(starts).toEqual([...starts].sort().reverse())
  })

  it('says what is wrong with a bad call', async () => {
    expect((await quire('activity')).code).toBe(2)
    expect((await quire('activity', 'no-slash')).code).toBe(2)
    expect((await quire('activity', 'Plan Co/string', '--limit', '5')).code).toBe(2)
    expect((await quire('activity', '--recent', '--limit', 'lots')).code).toBe(2)
    const unknown = await quire('activity', 'Nobody/1')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/There is no account named “Nobody”/)
  })
})
