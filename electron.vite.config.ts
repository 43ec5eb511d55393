import { cpSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/** Migrations are plain .sql files read at run time; the main bundle needs them beside it. */
function copyMigrations(): Plugin {
  return {
    name: 'quire-copy-migrations',
    closeBundle() {
      cpSync(resolve('main/db/migrations'), resolve('out/main/migrations'), { recursive: true })
    }
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('main/index.ts') } }
    },
    plugins: [copyMigrations()]
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() anything, so it is one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'renderer',
    build: {
      rollupOptions: { input: { index: resolve('renderer/index.html') } }
    },
    plugins: [react()]
  }
})
