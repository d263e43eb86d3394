// Signing in on both layouts: each role lands on its own home, a wrong password shows the
// server's Chinese message and keeps what was typed.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, openPage, signIn, screenshot } from './harness.mjs'

let server
before(async () => {
  server = await startServer()
})
after(async () => {
  await server?.stop()
})

test('the console refuses a wrong password with the server message and keeps the username', async () => {
  const page = await openPage(server)
  await page.goto('/login')
  await page.locator('input[name="username"]').fill('community')
  await page.locator('input[name="password"]').fill('not-the-password')
  await page.locator('button[type="submit"]').click()
  const alert = page.locator('.el-alert')
  await alert.waitFor()
  assert.match(await alert.innerText(), /[\u4e00-\u9fff]/, 'the message is in Chinese')
  assert.equal(await page.locator('input[name="username"]').inputValue(), 'community')
  assert.match(new URL(page.url()).pathname, /\/login$/)
  await screenshot(page, 'console-login')
  await page.context().close()
})

test('community staff sign in to the console and see its menu', async () => {
  const page = await openPage(server)
  await signIn(page, server.accounts.community)
  await page.locator('.el-menu').waitFor()
  const menu = await page.locator('.el-menu').innerText()
  assert.match(menu, /区域与网格/)
  await page.context().close()
})

test('a resident signing in to the console is sent to the phone pages', async () => {
  const page = await openPage(server, { phone: true })
  await signIn(page, server.accounts.resident)
  await page.waitForURL((url) => url.pathname.startsWith('/m/'))
  await page.context().close()
})

test('a grid worker signs in on the phone layout, its icon font allowed by the page policy', async () => {
  const page = await openPage(server, { phone: true })
  const refused = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text())
  })
  await signIn(page, server.accounts.gridworker, { phone: true })
  assert.ok(new URL(page.url()).pathname.startsWith('/m/'))
  await page.locator('.van-icon').first().waitFor()
  await page.evaluate(() => document.fonts.ready)
  // The embedded font must be allowed; the component library's fallback on an outside CDN is
  // refused on purpose (the pages load nothing from elsewhere).
  assert.deepEqual(refused.filter((text) => /Loading the font '(data:|http:\/\/127\.0\.0\.1)/.test(text)), [])
  assert.ok(await page.evaluate(() => document.fonts.check('16px vant-icon')), 'the icon font loaded')
  await screenshot(page, 'phone-worker-home')
  await page.context().close()
})

test('the console speaks English on request, and the server errors follow the language', async () => {
  const page = await openPage(server)
  await page.goto('/login')
  assert.equal((await page.locator('button[type="submit"]').innerText()).trim(), '登录')
  await page.getByRole('button', { name: 'English' }).click()
  assert.equal((await page.locator('button[type="submit"]').innerText()).trim(), 'Sign in')
  await page.locator('input[name="username"]').fill('community')
  await page.locator('input[name="password"]').fill('not-the-password')
  await page.locator('button[type="submit"]').click()
  const alert = page.locator('.el-alert')
  await alert.waitFor()
  assert.doesNotMatch(await alert.innerText(), /[\u4e00-\u9fff]/, 'the message is the English one')
  // The choice is remembered.
  await page.reload()
  assert.equal((await page.locator('button[type="submit"]').innerText()).trim(), 'Sign in')
  await page.context().close()
})
