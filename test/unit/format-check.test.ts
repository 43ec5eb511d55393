import { readFileSync } from 'node:fs'
import { check, getFileInfo, resolveConfig } from 'prettier'
import { describe, expect, it } from 'vitest'

/**
 * npm test's format step runs `prettier --check .` with the committed config. These show that
 * step can fail: the config and ignore file are the ones it reads, the tree's own code passes,
 * and a planted violation in it does not.
 */
describe('the format check', () => {
  const file = 'main/base/errors.ts'

  it('reads the committed config, does not ignore the code, and is a step of npm test', async () => {
    expect(await resolveConfig(file)).toMatchObject({ semi: false, singleQuote: true, printWidth: 140 })
    expect((await getFileInfo(file, { ignorePath: '.prettierignore' })).ignored).toBe(false)
    expect(readFileSync('test/run.mjs', 'utf8')).toMatch(/step\('format', 'npx', \['prettier', '--check'/)
  })

  it('passes formatted code and fails a planted violation', async () => {
    const options = { ...(await resolveConfig(file)), filepath: file }
    const source = readFileSync(file, 'utf8')
    expect(await check(source, options)).toBe(true)
    expect(await check(`${source}\nexport const planted = {a:1};\n`, options)).toBe(false)
  })
})
