#!/usr/bin/env node
/**
 * `npm test`: the whole suite, as CI runs it, on any Debian/Ubuntu machine with the packages the
 * README lists. It provides what the tests need and a developer may lack:
 *   - a D-Bus session with an unlocked GNOME Keyring (the real keychain), when none answers;
 *   - native addons built for this Node (they may have been rebuilt for Electron by `npm start`);
 *   - Chromium, found on the system.
 * Then: typecheck, build, Electronegativity, the formatter's check (Prettier), unit + integration
 * (vitest), E2E + Electron specs (Playwright), and one closing line "tests: N passed, N failed,
 * N skipped".
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const APT = 'sudo apt-get install -y libsecret-1-dev gnome-keyring dbus-x11 chromium poppler-utils'
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }

function run(command, args, options = {}) {
  return spawnSync(command, args, { stdio: 'inherit', env, ...options })
}

function quiet(command, args, timeout = 20_000) {
  return spawnSync(command, args, { encoding: 'utf8', env, timeout })
}

function which(name) {
  return quiet('sh', ['-c', `command -v ${name}`]).stdout.trim() || null
}

function fail(message) {
  console.error(`npm test: ${message}`)
  process.exit(1)
}

// 1. Native addons for this Node. `npm start` rebuilds them for Electron's ABI; undo that here.
const probe = quiet(process.execPath, ['-e', "require('better-sqlite3')(':memory:').close(); require('keytar')"])
if (probe.status !== 0) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node/.test(probe.stderr)) fail(`native modules do not load:\n${probe.stderr}`)
  console.log('npm test: native modules were built for another runtime; rebuilding them for this Node…')
  if (run('npm', ['rebuild', 'better-sqlite3', 'keytar']).status !== 0) fail('rebuilding native modules failed')
}

// 2. A keychain. Inside our own session (QUIRE_TEST_KEYRING) it is there by construction.
if (!process.env.QUIRE_TEST_KEYRING && !keychainAnswers()) {
  const dbusRunSession = which('dbus-run-session')
  const keyringDaemon = which('gnome-keyring-daemon')
  if (!dbusRunSession || !keyringDaemon)
    fail(`no keychain answers and dbus-run-session or gnome-keyring-daemon is missing. Install them with:\n  ${APT}`)
  console.log('npm test: no keychain answered; starting a private D-Bus session with GNOME Keyring')
  const script = `echo -n quire-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0" "$@"`
  // A fresh keyring folder: an old login keyring with another password would stay locked.
  const keyringHome = mkdtempSync(join(tmpdir(), 'quire-test-keyring-'))
  const child = run(dbusRunSession, ['--', 'sh', '-c', script, process.execPath, ...process.argv.slice(1)], {
    env: { ...env, QUIRE_TEST_KEYRING: '1', XDG_DATA_HOME: keyringHome }
  })
  rmSync(keyringHome, { recursive: true, force: true })
  process.exit(child.status ?? 1)
}

// 3. Chromium for the E2E project.
const chromium = [process.env.QUIRE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p) => p && existsSync(p)
)
if (!chromium) fail(`no Chromium found (set QUIRE_CHROMIUM to its path, or install it with:\n  ${APT})`)
env.QUIRE_CHROMIUM = chromium

// 4. The suite.
const reports = mkdtempSync(join(tmpdir(), 'quire-test-reports-'))
const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []

step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json'], () => run('npx', ['tsc', '-p', 'tsconfig.web.json']))
step('build', 'npx', ['electron-vite', 'build'])
step('electronegativity', process.execPath, ['test/security/electronegativity.mjs'])
totals[problems.includes('electronegativity') ? 'failed' : 'passed'] += 1
step('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.'])
totals[problems.includes('format') ? 'failed' : 'passed'] += 1

const vitestReport = join(reports, 'vitest.json')
step('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`])
count('unit + integration', vitestReport, (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests
}))

const playwrightReport = join(reports, 'playwright.json')
step('e2e + electron', 'npx', ['playwright', 'test', '-c', 'test/playwright.config.ts', '--reporter=list,json'], undefined, {
  env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }
})
count('e2e + electron', playwrightReport, (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped
}))

rmSync(reports, { recursive: true, force: true })
if (problems.length > 0) console.log(`\nnpm test: failed: ${problems.join(', ')}`)
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0)

function step(name, command, args, then, options) {
  console.log(`\n── ${name} ──`)
  const started = Date.now()
  let status = run(command, args, options).status
  if (status === 0 && then) status = then().status
  console.log(`── ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (status !== 0) problems.push(name)
}

function count(name, file, read) {
  if (!existsSync(file)) {
    problems.push(`${name} (no report)`)
    return
  }
  const result = read(JSON.parse(readFileSync(file, 'utf8')))
  for (const key of Object.keys(totals)) totals[key] += result[key] ?? 0
}

function keychainAnswers() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false
  const check = quiet(
    process.execPath,
    [
      '-e',
      `const k = require('keytar'); const a = 'probe-' + process.pid;
     k.setPassword('Quire-test-probe', a, 'x').then(() => k.deletePassword('Quire-test-probe', a)).then(() => process.exit(0), () => process.exit(1))`
    ],
    10_000
  )
  return check.status === 0
}
