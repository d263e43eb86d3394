// Measures what a browser downloads on first load of each page (its entry chunk, every chunk it
// imports statically and their CSS), gzip-compressed, and fails the build past the floors:
// the phone pages 300 KB, the console 1 MB. Lazy routes are not counted: they load when opened.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const dist = path.resolve(import.meta.dirname, '..', 'dist')
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'))
const limits = { 'index.html': ['console', 1024 * 1024], 'm/index.html': ['phone', 300 * 1024] }

function firstLoad(key, seen = new Set()) {
  if (seen.has(key)) return seen
  seen.add(key)
  for (const imported of manifest[key].imports ?? []) firstLoad(imported, seen)
  return seen
}

let failed = false
for (const [entry, [name, limit]] of Object.entries(limits)) {
  const files = new Set()
  for (const key of firstLoad(entry)) {
    const chunk = manifest[key]
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
  }
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const data = readFileSync(path.join(dist, file))
    raw += data.length
    gzip += zlib.gzipSync(data, { level: 9 }).length
  }
  const ok = gzip <= limit
  failed ||= !ok
  console.log(
    `${name.padEnd(8)} first load: ${(gzip / 1024).toFixed(1)} KB gzip (${(raw / 1024).toFixed(1)} KB raw, ${files.size} files), limit ${(limit / 1024).toFixed(0)} KB ${ok ? 'ok' : 'OVER'}`,
  )
}
if (failed) process.exit(1)
