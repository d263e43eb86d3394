// The console's region tree, grids and audit log against a real server: community staff walk the
// tree down to a dwelling, add a building, meet the server's Chinese refusals with their input
// kept, see 第1网格 and its members and add one; the administrator then finds it all in the log.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, openPage, signIn, screenshot, demoCommunity } from './harness.mjs'

const compound = demoCommunity + '001'
const building1 = compound + '001'
const unit1 = building1 + '01'
const dwelling101 = unit1 + '0101'
const newBuilding = compound + '012' // the demo compound has 11 buildings

let server
let community
before(async () => {
  server = await startServer()
  community = await openPage(server)
  await signIn(community, server.accounts.community)
})
after(async () => {
  await server?.stop()
})

// Element Plus puts a field's attributes on its <input> or on the wrapper around it.
const field = (page, hook) => page.locator(`[data-test="${hook}"]`).locator('xpath=self::input | .//input').first()
const hook = (page, name) => page.locator(`[data-test="${name}"]`)

// Back to the top, and past Element Plus's fade-ins, for a picture.
async function settle(page) {
  await page.evaluate(() => {
    window.scrollTo(0, 0)
    document.querySelector('.el-main')?.scrollTo(0, 0)
  })
  await page.waitForTimeout(400)
}

async function pickOption(page, selectHook, text) {
  await hook(page, selectHook).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

test('community staff walk the tree from their community down to a dwelling', async () => {
  const page = community
  await page.goto('/regions')
  // One root: the community opens by itself, in the tree and on the right.
  await hook(page, 'region-name').filter({ hasText: '兴隆佳苑社区' }).waitFor()
  assert.match(await hook(page, 'region-address').innerText(), /陕西省安康市汉阴县平梁镇兴隆佳苑社区/)
  for (const code of [compound, building1, unit1]) {
    await hook(page, 'tree-node-' + code).click()
    await page.waitForURL((url) => url.searchParams.get('node') === code)
    await hook(page, 'region-code').filter({ hasText: code }).waitFor()
  }
  await hook(page, 'tree-node-' + dwelling101).click()
  await hook(page, 'region-code').filter({ hasText: dwelling101 }).waitFor()
  assert.equal(await hook(page, 'region-name').innerText(), '101室')
  assert.equal(await hook(page, 'region-level').innerText(), '户（房屋）')
  assert.match(await hook(page, 'region-address').innerText(), /^陕西省安康市汉阴县平梁镇兴隆佳苑社区 兴隆佳苑小区 1栋 1单元 101室$/)
  const crumbs = await hook(page, 'region-ancestors').innerText()
  assert.match(crumbs, /兴隆佳苑社区(居委会)?\s*\/\s*兴隆佳苑小区\s*\/\s*1栋\s*\/\s*1单元\s*\/\s*101室/)
  // A dwelling has nothing below it to add.
  assert.equal(await hook(page, 'region-add-child').count(), 0)
})

test('community staff add a building and see it in the list and the tree', async () => {
  const page = community
  await page.goto('/regions?node=' + compound)
  await hook(page, 'region-code').filter({ hasText: compound }).waitFor()
  await hook(page, 'region-add-child').click()
  await hook(page, 'child-submit').waitFor()
  // Left empty, the number is the next free one and the name follows it.
  await hook(page, 'child-submit').click()
  await hook(page, 'child-' + newBuilding).waitFor()
  assert.equal(await hook(page, 'child-' + newBuilding).innerText(), '12栋')
  await hook(page, 'tree-node-' + newBuilding).waitFor()
  await settle(page)
  await screenshot(page, 'console-regions')
})

test('a refused change shows the server message in Chinese and keeps what was typed', async () => {
  const page = community
  await page.goto('/regions?node=' + compound)
  await hook(page, 'region-code').filter({ hasText: compound }).waitFor()
  await hook(page, 'region-add-child').click()
  await field(page, 'child-number').fill('12')
  await field(page, 'child-name').fill('重复的楼')
  await hook(page, 'child-submit').click()
  const error = hook(page, 'child-error')
  await error.waitFor()
  assert.match(await error.innerText(), /该编号的节点已存在。/)
  assert.equal(await field(page, 'child-number').inputValue(), '12')
  assert.equal(await field(page, 'child-name').inputValue(), '重复的楼')
  assert.ok(await hook(page, 'child-submit').isVisible(), 'the dialog stays open')
  await hook(page, 'child-cancel').click()

  // A compound with buildings below it cannot go.
  await hook(page, 'region-delete').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  const refusal = hook(page, 'region-action-error')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /请先删除其下级节点。/)
  assert.match(new URL(page.url()).search, new RegExp(compound))
})

test('the grids page shows 第1网格 with its members, and a member can be added and ended', async () => {
  const page = community
  await page.goto('/regions/grids')
  await hook(page, 'grid-tree').waitFor()
  await page.locator('[data-test="grid-tree"] .grid-name', { hasText: /^第1网格$/ }).click()
  await hook(page, 'grid-title').filter({ hasText: /^第1网格$/ }).waitFor()
  const members = hook(page, 'grid-members')
  await members.filter({ hasText: '王海燕' }).waitFor()
  const text = await members.innerText()
  assert.match(text, /张建华/)
  assert.match(text, /专职网格员/)

  await hook(page, 'member-add').click()
  await pickOption(page, 'member-role', '兼职网格员')
  await field(page, 'member-name').fill('刘晓兰')
  await hook(page, 'member-submit').click()
  await members.filter({ hasText: '刘晓兰' }).waitFor()
  assert.match(await members.innerText(), /兼职网格员/)

  // A second 网格长 in the parent grid is refused with the server's reason, the form kept.
  await page.locator('[data-test="grid-tree"] .grid-name', { hasText: /^兴隆佳苑社区网格$/ }).click()
  await hook(page, 'grid-title').filter({ hasText: '兴隆佳苑社区网格' }).waitFor()
  await hook(page, 'member-add').click()
  await pickOption(page, 'member-role', '网格长')
  await field(page, 'member-name').fill('陈新')
  await hook(page, 'member-submit').click()
  await hook(page, 'member-error').filter({ hasText: '该网格已有网格长' }).waitFor()
  assert.equal(await field(page, 'member-name').inputValue(), '陈新')
  await page.keyboard.press('Escape')

  await page.locator('[data-test="grid-tree"] .grid-name', { hasText: /^第1网格$/ }).click()
  await members.filter({ hasText: '刘晓兰' }).waitFor()
  await hook(page, 'grid-nodes').filter({ hasText: '兴隆佳苑小区1栋' }).waitFor()
  await settle(page)
  await screenshot(page, 'console-grids')
  const row = members.locator('tr', { hasText: '刘晓兰' })
  await row.locator('[data-test^="member-end-"]').click()
  await page.locator('.el-message-box__input input').fill('调岗')
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await members.filter({ hasNotText: '刘晓兰' }).waitFor()

})

test('the community pairs a cadre with a household and ends the pairing', async () => {
  const page = community
  await page.goto('/regions/grids?tab=pairings')
  const table = hook(page, 'pairing-table')
  await table.filter({ hasText: '干部包联户' }).waitFor()
  await hook(page, 'pairing-add').click()
  // Without a unit the server refuses, in Chinese, and the dialog stays.
  await hook(page, 'pairing-submit').click()
  await hook(page, 'pairing-error').filter({ hasText: '请填写包联单位' }).waitFor()
  await field(page, 'pairing-unit').fill('县综合执法局')
  await field(page, 'pairing-cadre').fill('孙立新')
  await hook(page, 'pairing-target').locator('.el-cascader').click()
  for (const label of ['兴隆佳苑社区', '兴隆佳苑小区', '1栋', '1单元']) {
    await page.locator('.el-cascader-node:visible', { hasText: new RegExp('^' + label + '$') }).first().click()
  }
  await page.locator('.el-cascader-node:visible', { hasText: /^101室$/ }).first().locator('.el-radio').click()
  await page.keyboard.press('Escape')
  await hook(page, 'pairing-submit').click()
  const row = table.locator('tr', { hasText: '孙立新' })
  await row.filter({ hasText: '兴隆佳苑小区 1栋 1单元 101室' }).waitFor()
  await row.locator('[data-test^="pairing-end-"]').click()
  await page.locator('.el-message-box__input input').fill('人员调整')
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await table.filter({ hasNotText: '孙立新' }).waitFor()
})

test('community staff have no audit log; the administrator sees what they did', async () => {
  const menu = await community.locator('.el-menu').innerText()
  assert.doesNotMatch(menu, /审计日志/)
  await community.goto('/audit')
  await community.waitForURL((url) => !url.pathname.startsWith('/audit'))

  const page = await openPage(server)
  await signIn(page, server.accounts.admin)
  await page.goto('/audit?actor=community')
  const table = hook(page, 'audit-table')
  await table.filter({ hasText: '新增区域节点' }).waitFor()
  const text = await table.innerText()
  assert.match(text, /新增网格人员/)
  assert.match(text, /结束网格任职/)
  assert.match(text, /新增包联/)
  assert.match(text, /结束包联/)
  assert.doesNotMatch(text, /\badmin\b/)
  await settle(page)
  await screenshot(page, 'console-audit')

  // Narrow to the region changes and open the building added.
  await pickOption(page, 'audit-action', '新增区域节点')
  await hook(page, 'audit-search').click()
  await page.waitForURL((url) => url.searchParams.get('action') === 'regions.create')
  const row = table.locator('tr.audit-row', { hasText: newBuilding })
  await row.waitFor()
  assert.equal(await table.locator('tr.audit-row').count(), 1)
  await row.locator('[data-test^="audit-view-"]').click()
  await hook(page, 'audit-drawer-object').filter({ hasText: newBuilding }).waitFor()
  const detail = await hook(page, 'audit-detail').innerText()
  assert.match(detail, /12栋/)
  assert.match(detail, new RegExp(compound))
  await page.context().close()
})
