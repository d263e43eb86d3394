// The console's events area: the work list finds a grid worker's report, community staff take it
// to resolved with a photo, someone other than the handler (the street) verifies and closes it, a
// refused step shows the server's Chinese message and keeps the dialog, and a 吹哨 is answered by
// the department's check-in.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, openPage, signIn, apiAs, screenshot } from './harness.mjs'

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const BUILDING = '610921103002001001' // 兴隆佳苑小区 1栋, in 王海燕's grid

let server
let gridworker
let eventId
before(async () => {
  server = await startServer()
  gridworker = await apiAs(server, server.accounts.gridworker)
})
after(async () => {
  await server?.stop()
})

const report = (title, category = 'environment.exposed_garbage') =>
  gridworker.post('/api/events', { category_code: category, region_code: BUILDING, title, description: title + '，请尽快处理' })

const dialog = (page) => page.locator('.el-dialog:visible')
// Element Plus puts a field's attributes on its native input (el-input) or on its wrapper.
const field = (scope, name) =>
  scope
    .locator(`input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input, [data-test="${name}"] textarea`)
    .first()

async function takeAction(page, action, { note, fill } = {}) {
  await page.locator(`[data-test="action-${action}"]`).click()
  const box = dialog(page)
  await box.waitFor()
  if (fill) await fill(box)
  if (note) await field(box, 'action-note').fill(note)
  await box.locator('[data-test="action-submit"]').click()
}

async function waitForState(page, state) {
  await page.locator(`[data-test="event-state"][data-state="${state}"]`).waitFor()
  await dialog(page).waitFor({ state: 'hidden' })
}

async function pickOption(page, trigger, text) {
  await trigger.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

test('community staff find the report in the work list and take it to resolved', async () => {
  const created = await report('3号楼东侧垃圾堆积')
  const other = await report('2号楼门口垃圾未清运')
  eventId = created.id
  const page = await openPage(server)
  await signIn(page, server.accounts.community)
  await page.goto('/events')
  const row = page.locator(`[data-test="event-row-${created.id}"]`)
  await row.waitFor()
  assert.equal(await row.innerText(), created.reference)
  assert.equal(await page.locator(`[data-test="event-row-state-${created.id}"]`).getAttribute('data-state'), 'reported')
  assert.equal(await page.locator(`[data-test="event-row-remaining-${created.id}"]`).getAttribute('data-tone'), 'normal')
  assert.match(await page.locator(`[data-test="event-row-remaining-${created.id}"]`).innerText(), /^剩余/)

  // The text filter narrows the list and lands in the URL.
  await field(page, 'filter-text').fill('3号楼东侧')
  await page.locator('[data-test="filter-search"]').click()
  await page.locator(`[data-test="event-row-${other.id}"]`).waitFor({ state: 'detached' })
  assert.ok(await row.isVisible())
  assert.match(page.url(), /text=/)
  await page.locator('[data-test="filter-reset"]').click()
  await page.locator(`[data-test="event-row-${other.id}"]`).waitFor()

  // Live: the grid worker dispatches the other report to community staff; the stream refreshes the row.
  const me = await (await apiAs(server, server.accounts.community)).get('/api/me')
  await gridworker.post(`/api/events/${other.id}/accept`)
  await gridworker.post(`/api/events/${other.id}/dispatch`, { assignee_id: me.id })
  await page.locator(`[data-test="event-row-state-${other.id}"][data-state="dispatched"]`).waitFor()
  // 督办: a yellow card marked by the street reaches the list through the stream too.
  await (await apiAs(server, server.accounts.street)).post(`/api/events/${other.id}/supervise`, { mark: 'yellow', note: '群众反映强烈' })
  assert.equal(await page.locator(`[data-test="event-row-mark-${other.id}"]`).innerText(), '黄牌')
  await screenshot(page, 'console-events')

  await row.click()
  await page.waitForURL(`**/events/${created.id}`)
  assert.equal(await page.locator('[data-test="event-reference"]').innerText(), created.reference)
  assert.equal(await page.locator('[data-test="event-reporter"]').innerText(), '王海燕')
  assert.match(await page.locator('[data-test="event-location"]').innerText(), /兴隆佳苑/)

  await takeAction(page, 'accept')
  await waitForState(page, 'accepted')
  await takeAction(page, 'dispatch', {
    note: '社区自办',
    fill: (box) => pickOption(page, box.locator('[data-test="dispatch-assignee"]'), '兴隆佳苑社区工作人员'),
  })
  await waitForState(page, 'dispatched')
  assert.equal(await page.locator('[data-test="event-handler"]').innerText(), '兴隆佳苑社区工作人员')
  await takeAction(page, 'start')
  await waitForState(page, 'in_progress')

  // A refused step: an extension to a time before the due time. The message is the server's and
  // the dialog keeps what was typed.
  await takeAction(page, 'extension', {
    note: '等待清运车辆',
    fill: async (box) => {
      const input = box.locator('.el-date-editor input')
      await input.fill('2020-01-01 08:00:00')
      await input.press('Enter')
    },
  })
  const refusal = dialog(page).locator('[data-test="action-error"]')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /延期时间须晚于当前办结时限/)
  assert.equal(await field(dialog(page), 'action-note').inputValue(), '等待清运车辆')
  await dialog(page).locator('[data-test="action-cancel"]').click()
  await dialog(page).waitFor({ state: 'hidden' })

  await page.locator('[data-test="action-feedback"]').click()
  await dialog(page).locator('[data-test="action-upload"]').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: PNG })
  await dialog(page).locator('[data-test="action-photo"]').waitFor()
  await field(dialog(page), 'action-note').fill('已清运完毕')
  await dialog(page).locator('[data-test="action-submit"]').click()
  await waitForState(page, 'resolved')
  await page.locator('[data-test="timeline-photo"]').first().waitFor()
  assert.match(await page.locator('[data-test="event-timeline"]').innerText(), /已清运完毕/)
  // The handler may not verify their own work: the button is not offered.
  assert.equal(await page.locator('[data-test="action-verify"]').count(), 0)
  await screenshot(page, 'console-event-detail')
  await page.context().close()
})

test('the street verifies and closes the resolved event', async () => {
  assert.ok(eventId, 'the first test left an event')
  const page = await openPage(server)
  await signIn(page, server.accounts.street)
  await page.goto(`/events/${eventId}`)
  await page.locator('[data-test="event-state"][data-state="resolved"]').waitFor()
  await takeAction(page, 'verify', { fill: (box) => box.locator('[data-test="verify-pass"]').click() })
  await waitForState(page, 'verified')
  await takeAction(page, 'close', { note: '核查无误，结案' })
  await waitForState(page, 'closed')
  const closed = await gridworker.get(`/api/events/${eventId}`)
  assert.equal(closed.state, 'closed')
  assert.deepEqual(
    closed.timeline.map((e) => e.action),
    ['report', 'accept', 'dispatch', 'start', 'feedback', 'verify', 'close'],
  )
  await page.context().close()
})

test('a step overtaken by someone else is refused with the server message and the dialog keeps its note', async () => {
  const created = await report('小区绿化带垃圾')
  const page = await openPage(server)
  await signIn(page, server.accounts.community)
  await page.goto(`/events/${created.id}`)
  await page.locator('[data-test="action-accept"]').click()
  // Meanwhile the grid worker takes it in.
  await gridworker.post(`/api/events/${created.id}/accept`, { version: created.version })
  await field(dialog(page), 'action-note').fill('我来受理')
  await dialog(page).locator('[data-test="action-submit"]').click()
  const refusal = dialog(page).locator('[data-test="action-error"]')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /不能受理|已被他人更新/)
  assert.equal(await field(dialog(page), 'action-note').inputValue(), '我来受理')
  // Behind the dialog the page has caught up: accepting is no longer offered.
  await dialog(page).locator('[data-test="action-cancel"]').click()
  await page.locator('[data-test="event-state"][data-state="accepted"]').waitFor()
  assert.equal(await page.locator('[data-test="action-accept"]').count(), 0)
  await page.context().close()
})

test('the street blows the whistle and the department checks in', async () => {
  const created = await report('井盖缺失，存在安全隐患', 'facilities.manhole')
  const department = await (await apiAs(server, server.accounts.department)).get('/api/me')
  const page = await openPage(server)
  await signIn(page, server.accounts.street)
  await page.goto(`/events/${created.id}`)
  await takeAction(page, 'summons', {
    note: '井盖缺失，请住建局到场',
    // The county's departments serve the street: they are offered by name.
    fill: (box) => pickOption(page, box.locator('[data-test="summons-departments"]'), '县住建局'),
  })
  await page.locator(`[data-test="summons-${department.id}"][data-checked="0"]`).waitFor()
  await dialog(page).waitFor({ state: 'hidden' })
  await page.context().close()

  const deptPage = await openPage(server)
  await signIn(deptPage, server.accounts.department)
  await deptPage.goto(`/events/${created.id}`)
  await takeAction(deptPage, 'check-in', { note: '已安排人员 30 分钟内到场' })
  await deptPage.locator(`[data-test="summons-${department.id}"][data-checked="1"]`).waitFor()
  const after = await gridworker.get(`/api/events/${created.id}`)
  assert.ok(after.timeline.some((e) => e.action === 'check-in'))
  await deptPage.context().close()
})

test('staff taking a call register an event with the category tree and the place, and hold it', async () => {
  const page = await openPage(server)
  await signIn(page, server.accounts.community)
  await page.goto('/events')
  await page.locator('[data-test="events-new"]').click()
  const box = dialog(page)
  await box.waitFor()
  // Nothing chosen: the server's message, the dialog stays with what was typed.
  await field(box, 'new-event-title').fill('居民来电：路灯不亮')
  await box.locator('[data-test="new-event-submit"]').click()
  await box.locator('[data-test="new-event-error"]').waitFor()
  assert.match(await box.locator('[data-test="new-event-error"]').innerText(), /[\u4e00-\u9fff]/)
  assert.equal(await field(box, 'new-event-title').inputValue(), '居民来电：路灯不亮')

  await box.locator('[data-test="new-event-category"]').click()
  await page.keyboard.type('路灯损坏')
  await page.locator('.el-tree-node__content:visible', { hasText: '路灯损坏' }).first().click()
  await field(box, 'event-region-search').fill('兴隆佳苑小区')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '610921103002001' }).first().click()
  await field(box, 'new-event-description').fill('5栋门前路灯连续三晚不亮')
  await box.locator('[data-test="new-event-submit"]').click()
  await page.waitForURL(/\/events\/\d+$/)
  await page.locator('[data-test="event-state"][data-state="reported"]').waitFor()
  assert.equal(await page.locator('[data-test="event-owner"]').innerText(), '兴隆佳苑社区工作人员')
  assert.match(await page.locator('[data-test="event-category"]').innerText(), /路灯损坏/)
  const id = Number(new URL(page.url()).pathname.split('/').pop())
  const event = await (await apiAs(server, server.accounts.community)).get(`/api/events/${id}`)
  assert.equal(event.source, 'call')
  assert.equal(event.region_code, '610921103002001')
  await page.context().close()
})
