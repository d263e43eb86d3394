// The phone pages at 360 px: a grid worker reports with a photo and finds it in their tasks, a task
// assigned to them rings on their screen, a resident reports a problem and rates it once closed.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import zlib from 'node:zlib'
import { startServer, openPage, signIn, apiAs, screenshot } from './harness.mjs'

let server
let community
let worker
let workerId
const building = '610921103002001001' // 兴隆佳苑小区 1栋, in the demo worker's 第1网格

// A small real PNG (the server checks the bytes against the type), drawn here.
function png(width = 8, height = 8) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows = []
  for (let y = 0; y < height; y++) rows.push(Buffer.from([0, ...Array(width).fill([25, 137, 250]).flat()]))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

before(async () => {
  server = await startServer()
  community = await apiAs(server, server.accounts.community)
  worker = await apiAs(server, server.accounts.gridworker)
  workerId = (await worker.get('/api/me')).id
})
after(async () => {
  await server?.stop()
})

async function pickCategory(page, className, categoryName) {
  await page.locator('[data-test="report-category"]').click()
  const picker = page.locator('[data-test="category-picker"]')
  await picker.getByText(className, { exact: true }).click()
  await picker.getByText(categoryName, { exact: true }).click()
  await picker.waitFor({ state: 'hidden' })
}

test('a grid worker reports an event with a photo and finds it in their tasks', async () => {
  const page = await openPage(server, { phone: true })
  await signIn(page, server.accounts.gridworker, { phone: true })
  await page.locator('[data-test="worker-home"]').waitFor()
  await page.locator('[data-test="grid-card"]').first().waitFor()
  assert.match(await page.locator('[data-test="grid-card"]').first().innerText(), /第1网格/)
  await page.locator('[data-test="grid-residents"]').first().filter({ hasText: /\d/ }).waitFor()
  await screenshot(page, 'phone-worker-home')

  await page.locator('[data-test="home-report"]').click()
  await page.waitForURL(/\/m\/worker\/report$/)
  // The grid's first building is already the place; the browser gave coordinates.
  await page.locator('[data-test="report-place"] input').and(page.locator('input[readonly]')).first().waitFor()
  assert.equal(await page.locator('[data-test="report-place"] input').inputValue(), '1栋')
  await page.locator('[data-test="report-located"]').waitFor()

  // Submitting without a category keeps the typed text and says what is missing.
  await page.locator('[data-test="report-description"] textarea').fill('1栋门口垃圾桶满溢，有异味')
  await page.locator('[data-test="report-submit"]').click()
  await page.getByText('请选择事件类别').waitFor()
  assert.equal(await page.locator('[data-test="report-description"] textarea').inputValue(), '1栋门口垃圾桶满溢，有异味')

  await pickCategory(page, '环境卫生', '暴露垃圾')
  await page.locator('[data-test="report-photos"] input[type="file"]').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: png() })
  await page.locator('[data-test="report-photos"] .van-uploader__preview').waitFor()
  await page.evaluate(() => document.fonts.ready)
  await screenshot(page, 'phone-report')
  await page.locator('[data-test="report-submit"]').click()

  await page.waitForURL(/\/m\/worker\/events\/\d+$/)
  const id = Number(new URL(page.url()).pathname.split('/').pop())
  await page.locator('[data-test="detail-photo"]').waitFor()
  assert.equal(await page.locator('[data-test="detail-state"]').getAttribute('data-state'), 'reported')

  // The server has the report, its place, coordinates and the photo.
  const event = await community.get(`/api/events/${id}`)
  assert.equal(event.category_code, 'environment.exposed_garbage')
  assert.equal(event.region_code, building)
  assert.equal(event.title, '暴露垃圾 · 1栋')
  assert.equal(event.source, 'patrol')
  assert.equal(event.owner_id, workerId)
  assert.ok(Math.abs(event.latitude - 32.89) < 0.001)
  assert.equal(event.attachments.length, 1)
  assert.equal(event.attachments[0].content_type, 'image/png')

  // Take it in and handle it from the phone: 受理, then 自行处置 and 签收.
  await page.locator('[data-test="action-accept"]').click()
  await page.locator('[data-test="detail-state"][data-state="accepted"]').waitFor()
  await page.locator('[data-test="action-self_dispatch"]').click()
  await page.locator('[data-test="detail-state"][data-state="dispatched"]').waitFor()
  await page.locator('[data-test="action-start"]').click()
  await page.locator('[data-test="detail-state"][data-state="in_progress"]').waitFor()

  await page.locator('[data-test="tab-tasks"]').click()
  await page.waitForURL(/\/m\/worker\/tasks/)
  const row = page.locator(`[data-test="event-row"][data-id="${id}"]`)
  await row.waitFor()
  assert.match(await row.locator('[data-test="event-remaining"]').innerText(), /剩余|已超时/)
  // Handling it oneself does not ring as a new task.
  assert.equal(await page.locator('[data-test="alert-bar"]').count(), 0)
  await page.locator('.van-toast').waitFor({ state: 'hidden' })
  await screenshot(page, 'phone-tasks')
  await page.context().close()
})

test('a photo the server refuses shows its message and keeps the report', async () => {
  const page = await openPage(server, { phone: true })
  await signIn(page, server.accounts.gridworker, { phone: true })
  await page.goto('/m/worker/report')
  await pickCategory(page, '市容秩序', '乱贴乱画')
  await page.locator('[data-test="report-description"] textarea').fill('单元门口小广告')
  // Named a PNG but not one: the server checks the content.
  await page.locator('[data-test="report-photos"] input[type="file"]').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') })
  await page.locator('[data-test="report-photos"] .van-uploader__preview').waitFor()
  await page.locator('[data-test="report-submit"]').click()
  const error = page.locator('[data-test="report-photo-error"]')
  await error.waitFor()
  assert.match(await error.innerText(), /文件内容与声明的类型不符/)
  await page.locator('[data-test="report-partial"]').waitFor()
  assert.equal(await page.locator('[data-test="report-description"] textarea').inputValue(), '单元门口小广告')
  await page.context().close()
})

test('a task assigned to the worker rings on their screen', async () => {
  const page = await openPage(server, { phone: true })
  await signIn(page, server.accounts.gridworker, { phone: true })
  await page.goto('/m/worker/tasks')
  await page.locator('[data-test="worker-tasks"]').waitFor()
  await page.waitForTimeout(1000) // the stream connects

  const reported = await community.post('/api/events', {
    category_code: 'safety.ebike_charging', region_code: building, title: '楼道电动车飞线充电', description: '1栋2单元楼道',
  })
  const accepted = await community.post(`/api/events/${reported.id}/accept`, {})
  await community.post(`/api/events/${reported.id}/dispatch`, { assignee_id: workerId, version: accepted.version })

  const bar = page.locator('[data-test="alert-bar"]')
  await bar.waitFor()
  assert.equal(await bar.getAttribute('data-kind'), 'event.assigned')
  assert.match(await bar.innerText(), /新任务[\s\S]*楼道电动车飞线充电/)
  await page.locator(`[data-test="event-row"][data-id="${reported.id}"]`).waitFor()

  await bar.click()
  await page.waitForURL(new RegExp(`/m/worker/events/${reported.id}$`))
  await page.locator('[data-test="action-start"]').waitFor()
  await page.context().close()
})

test('a resident reports a problem and rates it once it is closed', async () => {
  const page = await openPage(server, { phone: true })
  await signIn(page, server.accounts.resident, { phone: true })
  await page.waitForURL(/\/m\/resident/)
  await page.locator('[data-test="resident-home"]').waitFor()
  await pickCategory(page, '物业管理', '电梯故障')
  // The place: the community, then inside it down to a building.
  await page.locator('[data-test="report-place"]').click()
  await page.locator('[data-test="place-picker"] [data-test="place-610921103002"]').click()
  await page.locator('[data-test="place-610921103002001"]').click()
  await page.locator(`[data-test="place-${building}"]`).click()
  await page.locator('[data-test="place-choose"]').click()
  await page.locator('[data-test="report-place"] input').evaluate((el) => el.value).then((v) => assert.match(v, /1栋/))
  await page.locator('[data-test="report-title"] input').fill('1栋电梯停在3楼不动')
  await page.locator('[data-test="report-description"] textarea').fill('早上8点起电梯不能用')
  await page.locator('[data-test="report-photos"] input[type="file"]').setInputFiles({ name: 'lift.png', mimeType: 'image/png', buffer: png(4, 4) })
  await page.locator('[data-test="report-submit"]').click()
  await page.waitForURL(/\/m\/resident\/events\/\d+$/)
  const id = Number(new URL(page.url()).pathname.split('/').pop())

  const reported = await community.get(`/api/events/${id}`)
  assert.equal(reported.source, 'resident')
  assert.equal(reported.region_code, building)
  assert.equal(reported.attachments.length, 1)

  // Staff take it through: accept, dispatch to the worker, who reports back; verify and close.
  let e = await community.post(`/api/events/${id}/accept`, {})
  e = await community.post(`/api/events/${id}/dispatch`, { assignee_id: workerId, version: e.version })
  e = await worker.post(`/api/events/${id}/start`, { version: e.version })
  e = await worker.post(`/api/events/${id}/feedback`, { note: '已联系物业维修', version: e.version })
  e = await community.post(`/api/events/${id}/verify`, { passed: true, version: e.version })
  e = await community.post(`/api/events/${id}/close`, { version: e.version })
  assert.equal(e.state, 'closed')

  await page.locator('[data-test="tab-mine"]').click()
  const row = page.locator(`[data-test="event-row"][data-id="${id}"]`)
  await row.waitFor()
  assert.equal(await row.getAttribute('data-state'), 'closed')
  await row.click()
  await page.locator('[data-test="rating-form"]').waitFor()
  assert.ok((await page.locator('[data-test="timeline-entry"]').count()) >= 6)

  // A rating without a choice is refused on the spot; the comment stays.
  await page.locator('[data-test="rate-comment"] textarea').fill('修得很快，谢谢')
  await page.locator('[data-test="rate-submit"]').click()
  await page.getByText('请选择满意度').waitFor()
  assert.equal(await page.locator('[data-test="rate-comment"] textarea').inputValue(), '修得很快，谢谢')
  await page.locator('[data-test="rate-satisfied"]').click()
  await page.locator('.van-toast').waitFor({ state: 'hidden' })
  await screenshot(page, 'phone-resident')
  await page.locator('[data-test="rate-submit"]').click()
  await page.locator('[data-test="detail-rating"]').waitFor()
  assert.match(await page.locator('[data-test="detail-rating"]').innerText(), /满意/)

  const rated = await community.get(`/api/events/${id}`)
  assert.equal(rated.satisfaction, 'satisfied')
  assert.equal(rated.satisfaction_comment, '修得很快，谢谢')
  await page.context().close()
})

test('a grid worker opens a household of a unit and a member, masked until revealed with a reason', async () => {
  const page = await openPage(server, { phone: true })
  await signIn(page, server.accounts.gridworker, { phone: true })
  await page.goto('/m/worker/households')
  const unit = page.locator(`[data-test="unit-${building}01"]`)
  await unit.click()
  // The demo forms a household of each dwelling's residents: the unit lists them; a household's
  // page lists its members, the head first.
  const household = unit.locator('[data-test="household-row"]').first()
  await household.waitFor()
  await household.click()
  await page.waitForURL(/\/m\/worker\/households\/\d+$/)
  const member = page.locator('[data-test="member-row"]').first()
  await member.waitFor()
  assert.match(await member.innerText(), /户主/)
  await member.click()
  const idNumber = page.locator('[data-test="person-id-number"] .van-cell__value')
  await idNumber.waitFor()
  assert.match(await idNumber.innerText(), /\*{4,}/)
  await page.locator('[data-test="reveal-submit"]').click()
  await page.getByText('必填').waitFor()
  await page.locator('[data-test="reveal-reason"] input').fill('入户走访核对信息')
  await page.locator('[data-test="reveal-submit"]').click()
  await page.waitForFunction(() => !/\*/.test(document.querySelector('[data-test="person-id-number"] .van-cell__value')?.textContent ?? '*'))
  assert.match(await idNumber.innerText(), /^\d{17}[\dX]$/)
  await page.context().close()
})
