// End-to-end harness: a real shequ server on a fresh SQLite database loaded with the demo
// community, serving the built web (dist/), and Debian's Chromium driven by playwright-core.
//
//   const server = await startServer()      // once per test file
//   const page = await openPage(server, { phone: true })
//   await signIn(page, server.accounts.gridworker)
//
// SHEQU_BIN overrides the server binary (default ../build/src/app/shequ), SHEQU_WEB_DIST the built
// web (default dist/), CHROMIUM the browser.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, mkdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

const webRoot = path.resolve(import.meta.dirname, '..')
const repoRoot = path.resolve(webRoot, '..')
export const binary = process.env.SHEQU_BIN ?? path.join(repoRoot, 'build', 'src', 'app', 'shequ')
export const webDist = process.env.SHEQU_WEB_DIST ?? path.join(webRoot, 'dist')
export const screenshotDir = path.join(repoRoot, 'docs', 'screenshots')
export const demoCommunity = '610921103002'

// The demo prints each password once; the harness reads them from its output.
function parseDemoOutput(text) {
  const admin = /password \(shown once, keep it\): (\S+)/.exec(text)
  const demo = /demo accounts' password \(shown once, keep it\): (\S+)/.exec(text)
  if (!admin || !demo) throw new Error('demo output without passwords:\n' + text)
  const accounts = { admin: { username: 'admin', password: admin[1] } }
  for (const line of text.matchAll(/^demo: account (\S+) role (\S+)/gm)) {
    accounts[line[1]] = { username: line[1], role: line[2], password: demo[1] }
  }
  return accounts
}

export async function startServer({ people = 120 } = {}) {
  if (!existsSync(binary)) throw new Error(`no server binary at ${binary}: build it first (scripts/build.sh)`)
  if (!existsSync(path.join(webDist, 'index.html'))) throw new Error(`no built web at ${webDist}: run npm run build first`)
  const dir = mkdtempSync(path.join(tmpdir(), 'shequ-e2e-'))
  const db = `sqlite://${dir}/shequ.db`
  const output = execFileSync(binary, ['demo', '--db', db, '--people', String(people)], { encoding: 'utf8' })
  const accounts = parseDemoOutput(output)
  const child = spawn(
    binary,
    ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-dir', webDist, '--access-log', 'off', '--watch-interval-ms', '500'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const port = await new Promise((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + stderr)), 20000)
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      const match = /"event":"listening","address":"[^"]*:(\d+)"/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${stderr}`)))
  })
  const server = {
    url: `http://127.0.0.1:${port}`,
    db,
    dir,
    accounts,
    browser: null,
    stderr: () => stderr,
    async stop() {
      if (server.browser) await server.browser.close()
      child.kill('SIGTERM')
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)))
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return server
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  })
}

// A new browser context (its own cookies) and page; phone pages get a 360 px wide touch screen.
export async function openPage(server, { phone = false, locale = 'zh-CN' } = {}) {
  server.browser ??= await launchBrowser()
  const context = await server.browser.newContext({
    baseURL: server.url,
    locale,
    viewport: phone ? { width: 360, height: 740 } : { width: 1440, height: 900 },
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    permissions: ['geolocation'],
    geolocation: { latitude: 32.89, longitude: 108.51 },
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10000)
  page.on('pageerror', (error) => console.error('page error:', error.message))
  return page
}

// Signs in through the page's own form (console at /login, phone pages at /m/login).
export async function signIn(page, account, { phone = false } = {}) {
  await page.goto(phone ? '/m/login' : '/login')
  await page.locator('input[name="username"]').fill(account.username)
  await page.locator('input[name="password"]').fill(account.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}

// The API as the given account, for setting up and checking state around the screens.
export async function apiAs(server, account) {
  const login = await fetch(server.url + '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  })
  if (!login.ok) throw new Error(`login ${account.username}: ${login.status} ${await login.text()}`)
  const { token } = await login.json()
  const call = async (method, url, body) => {
    const response = await fetch(server.url + url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await response.text()
    const data = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text
    if (!response.ok) throw Object.assign(new Error(`${method} ${url}: ${response.status} ${text}`), { status: response.status, data })
    return data
  }
  return {
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body ?? {}),
    patch: (url, body) => call('PATCH', url, body),
    put: (url, body) => call('PUT', url, body),
    delete: (url) => call('DELETE', url),
  }
}

// Saves docs/screenshots/NAME.png when SHEQU_SCREENSHOTS=1 (the docs' pictures are refreshed on
// purpose, not by every test run).
export async function screenshot(page, name) {
  if (process.env.SHEQU_SCREENSHOTS !== '1') return
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false })
}
