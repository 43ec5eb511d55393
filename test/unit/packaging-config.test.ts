import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

/** electron-builder's own loader and schema validation, exactly as `npm run dist` would apply them. */
const require = createRequire(import.meta.url)
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

describe('packaging configuration', () => {
  it('passes electron-builder’s schema', async () => {
    const config = await getConfig(process.cwd(), null, null)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('builds the installers we ship, with native addons unpacked and the security fuses set', async () => {
    const config = (await getConfig(process.cwd(), null, null)) as {
      linux: { target: string[] }
      win: { target: string[] }
      mac: { target: string[] }
      asar: boolean
      asarUnpack: string[]
      electronFuses: Record<string, boolean>
    }
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'node_modules/keytar/**']))
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('catches a broken configuration', async () => {
    await expect(validateConfiguration({ appId: 'x', asarUnpack: 5, notAnOption: true }, new DebugLogger(false))).rejects.toThrow(
      /unknown property 'notAnOption'/
    )
  })
})
