import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { tempDir } from '../helpers/temp-dir'
import { hoursmithToken } from '../helpers/tokens'

/**
 * The CLI exactly as documented: `npm run --silent quire -- …`, a real process, the real keychain.
 * Asynchronous on purpose: the simulator serves from this same process.
 */
function quire(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'quire', '--', ...args], { env: { ...process.env, ...options.env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') }))
    child.stdin.end(options.input ?? '')
  })
}

describe('quire CLI', () => {
  let simulator: HoursmithSimulator
  let dir: ReturnType<typeof tempDir>
  const token = hoursmithToken()

  beforeAll(async () => {
    simulator = await startHoursmithSimulator({ invoices: 260, seed: 5, tokens: { [token]: {} } })
    dir = tempDir()
  })
  afterAll(async () => {
    await quire(['--data-dir', dir.path, 'accounts', 'remove', 'Studio'])
    await simulator.close()
    dir.remove()
  })

  it('refuses a wrong secret at add time, naming the account and what the provider said', async () => {
    const result = await quire(
      [
        '--data-dir',
        dir.path,
        'accounts',
        'add',
        '--provider',
        'hoursmith',
        '--name',
        'Studio',
        '--base-url',
        simulator.baseUrl,
        '--secret-stdin'
      ],
      { input: `${hoursmithToken()}\n` }
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Hoursmith account “Studio”: the API token was rejected\. Hoursmith said: “Missing or invalid API token”/)
    expect(JSON.parse((await quire(['--data-dir', dir.path, 'accounts', 'list', '--json'])).stdout)).toEqual([])
  })

  it('adds, syncs and lists with the stable --json shapes', async () => {
    const added = await quire(
      [
        '--data-dir',
        dir.path,
        'accounts',
        'add',
        '--provider',
        'hoursmith',
        '--name',
        'Studio',
        '--base-url',
        simulator.baseUrl,
        '--secret-stdin'
      ],
      { input: `${token}\n` }
    )
    expect(added).toMatchObject({ code: 0 })
    expect(added.stdout + added.stderr).not.toContain(token)

    const sync = await quire(['sync', '--json'], { env: { QUIRE_DATA_DIR: dir.path } })
    expect(sync.code).toBe(0)
    expect(JSON.parse(sync.stdout)).toEqual([
      expect.objectContaining({ account: 'Studio', ok: true, pages: 2, requests: 2, upserted: 260, removed: 0, error: null })
    ])

    const live = simulator.invoices.filter((i) => i.deletedAt === null)
    const list = JSON.parse((await quire(['--data-dir', dir.path, 'invoices', 'list', '--all', '--json'])).stdout) as {
      total: number
      items: Record<string, unknown>[]
    }
    expect(list.total).toBe(live.length)
    expect(list.items).toHaveLength(live.length)
    const sample = list.items.find((item) => item.remoteId === live[0]!.id)
    expect(sample).toMatchObject({
      account: 'Studio',
      provider: 'hoursmith',
      number: live[0]!.number,
      total: live[0]!.total,
      currency: live[0]!.currency,
      issueDate: live[0]!.issueDate,
      removed: false,
      lineItemCount: 0,
      hasPdf: false
    })

    const limited = JSON.parse(
      (await quire(['--data-dir', dir.path, 'invoices', 'list', '--limit', '3', '--status', 'paid', '--json'])).stdout
    ) as { total: number; items: { status: string }[] }
    expect(limited.items).toHaveLength(3)
    expect(limited.items.every((item) => item.status === 'paid')).toBe(true)

    const shown = await quire(['--data-dir', dir.path, 'invoices', 'show', `Studio/${live[0]!.id}`, '--json'])
    expect(JSON.parse(shown.stdout)).toMatchObject({ remoteId: live[0]!.id, rawJson: expect.stringContaining(live[0]!.id) })
  })

  it('exits 2 with usage on a malformed call, and never accepts a secret in argv', async () => {
    expect((await quire(['--data-dir', dir.path, 'invoices', 'list', '--limit', 'many'])).code).toBe(2)
    expect((await quire(['--data-dir', dir.path, 'frobnicate'])).code).toBe(2)
    const inArgv = await quire(['--data-dir', dir.path, 'accounts', 'add', '--provider', 'hoursmith', '--name', 'X', '--secret', token])
    expect(inArgv.code).toBe(2)
    expect(inArgv.stderr).not.toContain(token)
  })

  it('without a keychain, fails with the documented clear error and stores nothing', async () => {
    const noKeychain = await quire(
      [
        '--data-dir',
        dir.path,
        'accounts',
        'add',
        '--provider',
        'hoursmith',
        '--name',
        'Offline',
        '--base-url',
        simulator.baseUrl,
        '--secret-stdin',
        '--skip-check'
      ],
      {
        input: token,
        env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', DISPLAY: '' }
      }
    )
    expect(noKeychain.code).toBe(1)
    expect(noKeychain.stderr).toMatch(/No keychain is available, and Quire stores API tokens only in the OS keychain/)
    expect(noKeychain.stderr).not.toContain(token)
    const names = (JSON.parse((await quire(['--data-dir', dir.path, 'accounts', 'list', '--json'])).stdout) as { name: string }[]).map(
      (a) => a.name
    )
    expect(names).not.toContain('Offline')
  })
})
