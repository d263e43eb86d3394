// The console's registry as community staff use it: search people, open one and read the
// history, reveal an ID number for a stated reason, register a resident (a bad ID number first:
// the server's Chinese message on the field, what was typed kept), and import a CSV whose faults
// are reported by line with nothing imported.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startServer, openPage, signIn, apiAs, screenshot } from './harness.mjs'

let server
let api
before(async () => {
  server = await startServer()
  api = await apiAs(server, server.accounts.community)
})
after(async () => {
  await server?.stop()
})

// GB 11643: the 18th character of an ID number from the first 17.
function withCheckCharacter(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const badCheckCharacter = (id) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')

async function signedIn() {
  const page = await openPage(server)
  await signIn(page, server.accounts.community)
  return page
}

async function peopleRows(page) {
  await page.locator('[data-test="people-table"] .el-table__body').waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-test="people-table"] .el-loading-mask'))
  return page.locator('[data-test="people-table"] .el-table__body tr')
}

test('the people list searches by name and by a whole ID number, masked', async () => {
  const page = await signedIn()
  await page.locator('.el-menu').getByText('人口信息').click()
  await page.waitForURL(/\/registry$/)
  const rows = await peopleRows(page)
  assert.ok((await rows.count()) >= 10, 'a page of people')
  assert.match(await page.locator('[data-test="people-total"]').innerText(), /共 \d+ 人/)
  const masked = await page.locator('[data-test="person-id-number"]').first().innerText()
  assert.match(masked, /^\d{6}\*+\w{2}$/, 'ID numbers are masked')
  await screenshot(page, 'console-registry')

  // The export is the server's file of the same search, masked.
  await page.locator('[data-test="people-export"]').click()
  const downloading = page.waitForEvent('download')
  await page.locator('[data-test="people-export-csv"]').click()
  const file = await downloading
  assert.match(file.suggestedFilename(), /\.csv$/)
  const text = readFileSync(await file.path(), 'utf8')
  assert.match(text, /姓名/)
  assert.match(text, /610921\*+\w{2}/, 'ID numbers stay masked in the export')

  const { items } = await api.get('/api/people?limit=1&sort=id&order=desc')
  const someone = items[0]
  await page.locator('[data-test="people-search"]').fill(someone.name)
  await page.locator('[data-test="people-search-button"]').click()
  await page.waitForURL((url) => url.searchParams.get('q') === someone.name)
  await peopleRows(page)
  const names = await page.locator('[data-test="person-link"]').allInnerTexts()
  assert.ok(names.length >= 1 && names.every((n) => n.includes(someone.name)), `only ${someone.name}: ${names}`)

  const { id_number } = await api.post(`/api/people/${someone.id}/reveal`, { fields: ['id_number'], reason: '测试按身份证号查找' })
  await page.locator('[data-test="people-search"]').fill(id_number)
  await page.locator('[data-test="people-search-button"]').click()
  await page.waitForURL((url) => url.searchParams.get('q') === id_number)
  await page.waitForFunction(() => document.querySelectorAll('[data-test="person-link"]').length === 1)
  assert.equal(await page.locator('[data-test="person-link"]').innerText(), someone.name)

  // A key group in one click: the list narrows to its members.
  await page.locator('[data-test="people-reset"]').click()
  await page.locator('[data-test="people-quick-group-disabled"]').click()
  await page.waitForURL((url) => url.searchParams.get('group_type') === 'disabled')
  const disabled = await api.get('/api/people?group_type=disabled&limit=1')
  await page.waitForFunction(
    (n) => document.querySelector('[data-test="people-total"]')?.textContent?.includes(`共 ${n} 人`),
    disabled.total,
  )
  await page.context().close()
})

test('a person page shows the history, and an ID number is revealed only with a reason', async () => {
  // A change to show in the history: the list's first person (sorted by name) takes a new job.
  const [first] = (await api.get('/api/people?limit=1')).items
  await api.patch(`/api/people/${first.id}`, { employment: '社区保洁员', version: first.version })
  const page = await signedIn()
  await page.goto('/registry')
  await peopleRows(page)
  const name = await page.locator('[data-test="person-link"]').first().innerText()
  assert.equal(name, first.name)
  await page.locator('[data-test="person-link"]').first().click()
  await page.waitForURL(/\/registry\/people\/\d+$/)
  await page.locator('[data-test="person-fields"]').waitFor()
  assert.equal(await page.locator('[data-test="person-name"]').innerText(), name)
  const history = page.locator('[data-test="history-entry"]')
  await history.first().waitFor()
  assert.match(await history.first().innerText(), /community 修改了/)
  assert.match(await page.locator('[data-test="history-change"]').first().innerText(), /就业情况.*社区保洁员/)
  assert.match(await history.last().innerText(), /登记|迁入|出生/)

  const value = page.locator('[data-test="value-id_number"]')
  assert.match(await value.innerText(), /\*/, 'masked before the reveal')
  await page.locator('[data-test="reveal-id_number"]').click()
  const dialog = page.locator('.el-dialog').filter({ has: page.locator('[data-test="reveal-reason"]') })
  await dialog.waitFor()
  // No reason: the server refuses, in Chinese, and the dialog stays open.
  await dialog.locator('[data-test="reveal-confirm"]').click()
  const refusal = dialog.locator('.el-form-item__error')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /原因/)
  await dialog.locator('[data-test="reveal-reason"]').fill('核对低保申请材料')
  await dialog.locator('[data-test="reveal-confirm"]').click()
  await page.waitForFunction(() => /^\d{17}[\dX]$/.test(document.querySelector('[data-test="value-id_number"]')?.textContent?.trim() ?? ''))
  assert.equal(await page.locator('[data-test="reveal-id_number"]').count(), 0)
  const id = new URL(page.url()).pathname.split('/').pop()
  const admin = await apiAs(server, server.accounts.admin)
  const { items } = await admin.get('/api/audit?limit=20')
  assert.ok(
    items.some((e) => e.action === 'people.reveal' && e.object_id === id && e.detail?.reason === '核对低保申请材料'),
    'the reveal is audited with its reason',
  )
  await screenshot(page, 'console-person')
  await page.context().close()
})

async function pickDwelling(page) {
  await page.locator('[data-test="field-residence_code"] .el-cascader').click()
  for (const label of ['兴隆佳苑社区', '兴隆佳苑小区', '1栋', '1单元', '501室']) {
    const node = page.locator('.el-cascader-menu:visible .el-cascader-node__label', { hasText: new RegExp(`^${label}$`) })
    await node.last().click()
  }
  await page.waitForFunction(() =>
    (document.querySelector('[data-test="field-residence_code"] input')?.value ?? '').includes('501室'),
  )
}

test('registering a resident shows the server message on a bad ID number, keeps the form, then saves', async () => {
  const page = await signedIn()
  await page.goto('/registry')
  await page.locator('[data-test="people-add"]').click()
  await page.waitForURL(/\/registry\/people\/new$/)
  const good = withCheckCharacter('61092119880512' + String(100 + Math.floor(Math.random() * 800)))
  const name = '测试居民' + good.slice(-4)
  await page.locator('[data-test="person-name-input"]').fill(name)
  await page.locator('[data-test="person-id-number-input"]').fill(badCheckCharacter(good))
  await page.locator('[data-test="person-phone-input"]').fill('13800138000')
  await page.locator('[data-test="person-employment-input"]').fill('个体经营')
  await pickDwelling(page)
  await page.locator('[data-test="person-save"]').click()

  const fieldError = page.locator('[data-test="field-id_number"] .el-form-item__error')
  await fieldError.waitFor()
  assert.match(await fieldError.innerText(), /公民身份号码/)
  assert.match(new URL(page.url()).pathname, /\/registry\/people\/new$/)
  assert.equal(await page.locator('[data-test="person-name-input"]').inputValue(), name)
  assert.equal(await page.locator('[data-test="person-id-number-input"]').inputValue(), badCheckCharacter(good))
  assert.equal(await page.locator('[data-test="person-phone-input"]').inputValue(), '13800138000')
  assert.equal(await page.locator('[data-test="person-employment-input"]').inputValue(), '个体经营')

  await page.locator('[data-test="person-id-number-input"]').fill(good)
  await page.locator('[data-test="person-save"]').click()
  await page.waitForURL(/\/registry\/people\/\d+$/)
  await page.locator('[data-test="person-fields"]').waitFor()
  assert.equal(await page.locator('[data-test="person-name"]').innerText(), name)
  assert.match(await page.locator('[data-test="person-address"]').innerText(), /1栋 1单元 501室/)

  await page.goto('/registry?q=' + encodeURIComponent(name))
  await page.waitForFunction(() => document.querySelectorAll('[data-test="person-link"]').length === 1)
  assert.equal(await page.locator('[data-test="person-link"]').innerText(), name)
  await page.context().close()
})

test('an import with faults on lines 3 and 5 reports them by line and imports nothing; fixed, it imports', async () => {
  const before = (await api.get('/api/people?limit=1')).total
  const id = (n) => withCheckCharacter('610921197' + String(n) + '0101' + '7' + String(10 + n).padStart(2, '0'))
  const header = '姓名,公民身份号码,联系电话,居住地址,重点人群'
  const rows = [
    ['导入甲', id(1), '13900000001', '兴隆佳苑小区 2栋 1单元 101室', '独居老人'],
    ['导入乙', badCheckCharacter(id(2)), '13900000002', '兴隆佳苑小区 2栋 1单元 102室', ''],
    ['导入丙', id(3), '13900000003', '兴隆佳苑小区 2栋 1单元 201室', ''],
    ['', id(4), '13900000004', '兴隆佳苑小区 2栋 1单元 202室', ''],
    ['导入戊', id(5), '13900000005', '兴隆佳苑小区 2栋 1单元 301室', ''],
  ]
  const csv = (list) => [header, ...list.map((r) => r.join(','))].join('\n') + '\n'
  const faulty = path.join(server.dir, 'people-faulty.csv')
  writeFileSync(faulty, csv(rows))

  const page = await signedIn()
  await page.goto('/registry')
  await page.locator('[data-test="people-import"]').click()
  await page.waitForURL(/\/registry\/import$/)
  await page.locator('[data-test="import-file"]').setInputFiles(faulty)
  assert.equal(await page.locator('[data-test="import-file-name"]').innerText(), 'people-faulty.csv')
  await page.locator('[data-test="import-run"]').click()
  await page.locator('[data-test="import-errors"]').waitFor()
  assert.match(await page.locator('[data-test="import-error-summary"]').innerText(), /未导入任何数据/)
  const lines = await page.locator('[data-test="import-error-line"]').allInnerTexts()
  assert.deepEqual([...new Set(lines)], ['3', '5'])
  assert.match(await page.locator('[data-test="import-error-lines"]').innerText(), /第 3、5 行/)
  const messages = await page.locator('[data-test="import-error-message"]').allInnerTexts()
  assert.ok(messages.every((m) => /[\u4e00-\u9fff]/.test(m)), 'the faults are in Chinese')
  assert.equal((await api.get('/api/people?limit=1')).total, before, 'nothing imported')
  await screenshot(page, 'console-import-errors')

  rows[1][1] = id(2)
  rows[3][0] = '导入丁'
  const fixed = path.join(server.dir, 'people-fixed.csv')
  writeFileSync(fixed, csv(rows))
  await page.locator('[data-test="import-file"]').setInputFiles(fixed)
  await page.locator('[data-test="import-run"]').click()
  const result = page.locator('[data-test="import-result"]')
  await result.waitFor()
  assert.match(await result.innerText(), /已导入 5 条/)
  assert.equal((await api.get('/api/people?limit=1')).total, before + 5)
  await page.context().close()
})
