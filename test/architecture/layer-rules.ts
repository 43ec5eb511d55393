/**
 * The layers of the tree, as rules a test can hold: base types → domain → the app's composition
 * → hosts, with Electron only behind its seam. Each file's imports are read with TypeScript's
 * own pre-processor (comments and strings that merely mention a module do not count).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative, sep } from 'node:path'
import ts from 'typescript'

/** Each folder of main/ (and the contract) in the layer it belongs to; a lower layer never imports a higher one. */
export const LAYERS: Record<string, number> = {
  'preload/contract': 0,
  'main/base': 0,
  'main/money': 0,
  'main/log': 0,
  'main/storage': 0,
  'main/net': 1,
  'main/secrets': 1,
  'main/providers': 1,
  'main/simulators': 1,
  'main/db': 1,
  'main/services': 1,
  'main/sync': 1,
  'main/pdfs': 1,
  'main/activity': 1,
  'main/reports': 1,
  'main/duplicates': 1,
  'main/lock': 1,
  'main/diagnostics': 1,
  'main/app': 2,
  'main/ipc': 3,
  'main/electron': 4,
  'main/cli': 4,
  'main/host': 4
}
const HOSTS = new Set(['main/electron', 'main/cli', 'main/host'])
/** Where `electron` may be imported: its seam, the entry that hands over to it, and the preload bridge. */
const ELECTRON_ALLOWED = [/^main\/electron\//, /^main\/index\.ts$/, /^preload\/index\.ts$/]

export interface SourceFile {
  /** Path from the project root, with forward slashes. */
  file: string
  /** Module specifiers as written. */
  imports: string[]
}

export function readSources(root: string, folders: string[]): SourceFile[] {
  return folders
    .flatMap((folder) => walk(join(root, folder)))
    .map((path) => {
      const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true)
      return { file: toPosix(relative(root, path)), imports: info.importedFiles.map((entry) => entry.fileName) }
    })
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path)
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** The folder a project file belongs to for layering ("main/db", "preload/contract", "renderer"…). */
export function folderOf(file: string): string {
  const parts = file.split('/')
  if (parts[0] === 'main') return parts.length > 2 ? `main/${parts[1]}` : 'main'
  if (parts[0] === 'preload') return parts[1] === 'contract' ? 'preload/contract' : 'preload'
  return parts[0]!
}

function resolveRelative(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  return toPosix(normalize(join(dirname(from), specifier)))
}

export function layerViolations(sources: SourceFile[]): string[] {
  const problems: string[] = []
  const folderEdges = new Map<string, Set<string>>()
  for (const { file, imports } of sources) {
    const from = folderOf(file)
    if (from.startsWith('main/') && LAYERS[from] === undefined)
      problems.push(`${from} is in no layer: add it to LAYERS in test/architecture/layer-rules.ts`)
    for (const specifier of imports) {
      if ((specifier === 'electron' || specifier.startsWith('electron/')) && !ELECTRON_ALLOWED.some((allowed) => allowed.test(file))) {
        problems.push(`${file} imports Electron outside main/electron/`)
      }
      const target = resolveRelative(file, specifier)
      if (target === null) continue
      const to = folderOf(target)
      if (to === from) continue
      if (from === 'preload/contract') problems.push(`${file}: the contract imports ${target}; it may import only itself and libraries`)
      if (from === 'renderer' && to !== 'preload/contract')
        problems.push(`${file}: the renderer imports ${target}; it reaches main only through the contract`)
      if (from.startsWith('main') && to === 'renderer') problems.push(`${file} imports the renderer (${target})`)
      const fromLayer = LAYERS[from]
      const toLayer = LAYERS[to]
      if (fromLayer !== undefined && toLayer !== undefined && toLayer > fromLayer)
        problems.push(`${file} (${from}) imports ${target} (${to}), a higher layer`)
      if (HOSTS.has(from) && HOSTS.has(to)) problems.push(`${file}: host ${from} imports host ${to}`)
      if (from.startsWith('main/') && to.startsWith('main/')) {
        const edges = folderEdges.get(from) ?? new Set<string>()
        edges.add(to)
        folderEdges.set(from, edges)
      }
    }
  }
  for (const cycle of folderCycles(folderEdges)) problems.push(`folders import each other: ${cycle.join(' → ')}`)
  return [...new Set(problems)]
}

/** Strongly connected groups of folders (Tarjan), each a circle a reader cannot untangle. */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (node: string): void => {
    index.set(node, next)
    low.set(node, next)
    next += 1
    stack.push(node)
    onStack.add(node)
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node)!, low.get(to)!))
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!))
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        group.push(member)
      } while (member !== node)
      if (group.length > 1) cycles.push(group.sort())
    }
  }
  for (const node of edges.keys()) if (!index.has(node)) visit(node)
  return cycles
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}
