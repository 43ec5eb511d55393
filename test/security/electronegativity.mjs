#!/usr/bin/env node
/**
 * Electronegativity over the app's own sources (main, preload, renderer, package.json), offline:
 * its release-list check needs the network and is skipped. Fails on any HIGH or CRITICAL
 * finding; lower ones are listed, and each accepted one is justified in a comment where it is.
 * Prints one line for npm test's totals: "electronegativity: N passed, N failed".
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version
const work = mkdtempSync(join(tmpdir(), 'quire-electronegativity-'))
try {
  for (const entry of ['main', 'preload', 'renderer', 'package.json']) cpSync(entry, join(work, entry), { recursive: true })
  const report = join(work, 'report.csv')
  const run = spawnSync(
    'npx',
    [
      'electronegativity',
      '-i',
      join(work),
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-o',
      report
    ],
    { encoding: 'utf8' }
  )
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr)
    console.log('electronegativity: 0 passed, 1 failed')
    process.exit(1)
  }
  const findings = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, severity, confidence, file, location] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''))
      return { id, severity, confidence, where: `${file}:${location}` }
    })
    .filter((finding) => finding.severity !== 'INFORMATIONAL')
  for (const f of findings) console.log(`  ${f.severity.padEnd(8)} ${f.id.padEnd(28)} ${f.where} (${f.confidence})`)
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL')
  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${serious.length} high or critical`)
  console.log(`electronegativity: ${serious.length === 0 ? 1 : 0} passed, ${serious.length === 0 ? 0 : 1} failed`)
  process.exit(serious.length === 0 ? 0 : 1)
} finally {
  rmSync(work, { recursive: true, force: true })
}
