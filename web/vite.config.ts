import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

// Writes name.gz beside every text asset: shequ serve sends it to browsers that accept gzip, so
// phones on a weak signal download the compressed size.
function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'shequ-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async closeBundle() {
      const walk = async (dir: string): Promise<string[]> => {
        const entries = await fs.readdir(dir, { withFileTypes: true })
        const nested = await Promise.all(
          entries.map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])),
        )
        return nested.flat()
      }
      for (const file of await walk(outDir)) {
        if (!/\.(js|css|html|svg|json|mp3|wav)$/.test(file)) continue
        const data = await fs.readFile(file)
        if (data.length < 1024) continue
        await fs.writeFile(file + '.gz', zlib.gzipSync(data, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  plugins: [vue(), precompress()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        console: fileURLToPath(new URL('./index.html', import.meta.url)),
        phone: fileURLToPath(new URL('./m/index.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: process.env.SHEQU_API ?? 'http://127.0.0.1:8080' },
      '/open311': { target: process.env.SHEQU_API ?? 'http://127.0.0.1:8080' },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
  },
})
