// One event across every role, each on their own screen: a resident reports a broken lift on the
// phone, community staff accept it and dispatch it to the grid worker in the console, the worker's
// phone rings, the worker starts and reports back, community staff verify and close it, the
// resident rates it, and the community's dashboard shows the change.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, openPage, signIn, apiAs, screenshot } from './harness.mjs'

const building = '610921103002001001' // 兴隆佳苑小区 1栋, in the grid worker's 第1网格
let server
let community
let eventId
let baseline = {}

before(async () => {
  server = await startServer()
  community = await apiAs(server, server.accounts.community)
})
after(async () => {
  await server?.stop()
})

const dialog = (page) => page.locator('.el-dialog:visible')

async function consoleAction(page, action, { note, fill } = {}) {
  await page.locator(`[data-test="action-${action}"]`).click()
  const box = dialog(page)
  await box.waitFor()
  if (fill) await fill(box)
  // Element Plus puts data-test on the native textarea or on its wrapper.
  if (note) await box.locator('textarea[data-test="action-note"], [data-test="action-note"] textarea').first().fill(note)
  await box.locator('[data-test="action-submit"]').click()
}

async function consoleState(page, state) {
  await page.locator(`[data-test="event-state"][data-state="${state}"]`).waitFor()
  await dialog(page).waitFor({ state: 'hidden' })
}

async function figure(page, name) {
  const value = page.locator(`[data-test="kpi-${name}-value"]`)
  await value.waitFor()
  await page.waitForFunction((el) => el && !['…', ''].includes(el.textContent.trim()), await value.elementHandle())
  return (await value.innerText()).trim()
}

async function communityDashboard() {
  const page = await openPage(server)
  await signIn(page, server.accounts.community)
  await page.goto('/dashboard')
  await page.locator('[data-test="dashboard"]').waitFor()
  return page
}

test('the community dashboard before anything happens', async () => {
  const page = await communityDashboard()
  baseline = { open: Number(await figure(page, 'open')), satisfaction: await figure(page, 'satisfaction-rate') }
  assert.equal(baseline.satisfaction, '—', 'nothing rated yet')
  await page.context().close()
})

test('a resident reports a broken lift on the phone', async () => {
  const page = await openPage(server, { phone: true })
  await signIn(page, server.accounts.resident, { phone: true })
  await page.locator('[data-test="resident-home"]').waitFor()
  await page.locator('[data-test="report-category"]').click()
  const picker = page.locator('[data-test="category-picker"]')
  await picker.getByText('物业管理', { exact: true }).click()
  await picker.getByText('电梯故障', { exact: true }).click()
  await picker.waitFor({ state: 'hidden' })
  await page.locator('[data-test="report-place"]').click()
  await page.locator('[data-test="place-picker"] [data-test="place-610921103002"]').click()
  await page.locator('[data-test="place-610921103002001"]').click()
  await page.locator(`[data-test="place-${building}"]`).click()
  await page.locator('[data-test="place-choose"]').click()
  await page.locator('[data-test="report-title"] input').fill('1栋2单元电梯困人后停用')
  await page.locator('[data-test="report-description"] textarea').fill('电梯停在5楼，按钮无反应')
  await page.locator('[data-test="report-submit"]').click()
  await page.waitForURL(/\/m\/resident\/events\/\d+$/)
  eventId = Number(new URL(page.url()).pathname.split('/').pop())
  const reported = await community.get(`/api/events/${eventId}`)
  assert.equal(reported.state, 'reported')
  assert.equal(reported.source, 'resident')
  await page.context().close()
})

test('community staff dispatch it to the grid worker, whose phone rings; the worker handles it', async () => {
  const phone = await openPage(server, { phone: true })
  await signIn(phone, server.accounts.gridworker, { phone: true })
  await phone.goto('/m/worker/tasks')
  await phone.locator('[data-test="worker-tasks"]').waitFor()
  await phone.waitForTimeout(1000) // the stream connects

  const desk = await openPage(server)
  await signIn(desk, server.accounts.community)
  await desk.goto(`/events/${eventId}`)
  await desk.locator('[data-test="event-page"]').waitFor()
  assert.match(await desk.locator('[data-test="event-title"]').innerText(), /电梯困人/)
  await consoleAction(desk, 'accept')
  await consoleState(desk, 'accepted')
  await consoleAction(desk, 'dispatch', {
    fill: async (box) => {
      await box.locator('[data-test="dispatch-assignee"]').click()
      await desk.locator('.el-select-dropdown__item:visible', { hasText: '王海燕' }).first().click()
    },
  })
  await consoleState(desk, 'dispatched')
  await screenshot(desk, 'flow-console-dispatched')

  const bar = phone.locator('[data-test="alert-bar"]')
  await bar.waitFor()
  assert.equal(await bar.getAttribute('data-kind'), 'event.assigned')
  await bar.click()
  await phone.waitForURL(new RegExp(`/m/worker/events/${eventId}$`))
  await phone.locator('[data-test="action-start"]').click()
  await phone.locator('[data-test="detail-state"][data-state="in_progress"]').waitFor()
  await phone.locator('[data-test="action-feedback"]').click()
  await phone.locator('[data-test="action-note"] textarea').fill('已联系电梯维保单位，更换控制板后恢复运行')
  await phone.locator('[data-test="action-submit"]').click()
  await phone.locator('[data-test="detail-state"][data-state="resolved"]').waitFor()
  await screenshot(phone, 'flow-phone-resolved')

  // Back at the desk the page follows the stream; staff other than the handler verify and close.
  await desk.reload()
  await consoleState(desk, 'resolved')
  await consoleAction(desk, 'verify', { fill: (box) => box.locator('[data-test="verify-pass"]').click() })
  await consoleState(desk, 'verified')
  await consoleAction(desk, 'close', { note: '核查电梯运行正常，结案' })
  await consoleState(desk, 'closed')
  const actions = (await community.get(`/api/events/${eventId}`)).timeline.map((entry) => entry.action)
  for (const step of ['report', 'accept', 'dispatch', 'start', 'feedback', 'verify', 'close']) {
    assert.ok(actions.includes(step), `timeline has ${step}: ${actions}`)
  }
  await phone.context().close()
  await desk.context().close()
})

test('the resident rates the result and the dashboard changes', async () => {
  const page = await openPage(server, { phone: true })
  await signIn(page, server.accounts.resident, { phone: true })
  await page.goto(`/m/resident/events/${eventId}`)
  await page.locator('[data-test="rating-form"]').waitFor()
  await page.locator('[data-test="rate-satisfied"]').click()
  await page.locator('[data-test="rate-comment"] textarea').fill('当天就修好了')
  await page.locator('[data-test="rate-submit"]').click()
  await page.locator('[data-test="detail-rating"]').waitFor()
  assert.equal((await community.get(`/api/events/${eventId}`)).satisfaction, 'satisfied')
  await page.context().close()

  const dashboard = await communityDashboard()
  assert.equal(await figure(dashboard, 'satisfaction-rate'), '100.0%')
  assert.equal(Number(await figure(dashboard, 'open')), baseline.open, 'the closed event is no longer open')
  await screenshot(dashboard, 'flow-dashboard-after')
  await dashboard.context().close()
})
