import { describe, expect, it } from 'vitest'
import { buildQuery } from '@/shared/api'
import { buildListQuery, drillTags, emptyFilters, filtersFromRoute, filtersToRoute, shortTime } from './query'
import { buildStepBody, emptyStepForm, parseIds } from './stepBody'
import { categoryNames, categoryTree } from './categories'
import type { Category } from './types'

describe('buildListQuery', () => {
  it('asks for open events by due time, a page at a time', () => {
    expect(buildQuery(buildListQuery(emptyFilters(), 1, 20))).toBe('?state=open&limit=20&offset=0')
    expect(buildQuery(buildListQuery(emptyFilters(), 3, 20))).toBe('?state=open&limit=20&offset=40')
  })
  it('maps the scope tabs and filters to the API parameters', () => {
    const f = { ...emptyFilters(), scope: 'mine' as const, state: 'dispatched', category: 'environment', level: 'grid', supervision: 'red' }
    expect(buildQuery(buildListQuery(f, 1, 50))).toBe('?state=dispatched&category=environment&level=grid&supervision=red&mine=true&limit=50&offset=0')
    expect(buildListQuery({ ...emptyFilters(), scope: 'unassigned' }, 1, 20)).toMatchObject({ unassigned: true, mine: undefined })
  })
  it('makes overdue the state', () => {
    expect(buildListQuery({ ...emptyFilters(), state: 'accepted', overdue: true }, 2, 20).state).toBe('overdue')
  })
  it('sends text for the server to search, paging as usual', () => {
    expect(buildQuery(buildListQuery({ ...emptyFilters(), text: ' 垃圾 ' }, 3, 20))).toBe(
      `?state=open&q=${encodeURIComponent('垃圾')}&limit=20&offset=40`,
    )
  })
  it('passes the drill-down filters under the API names', () => {
    const f = { ...emptyFilters(), state: '', region: '610921103002', grid: '3', handler: '7', department: '县住建局', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }
    expect(buildListQuery(f, 1, 20)).toMatchObject({ region: '610921103002', grid: '3', handler: '7', department: '县住建局', from: f.from, to: f.to })
  })
})

describe('filters in the URL', () => {
  it('keep only what differs from the defaults and come back the same', () => {
    const f = { ...emptyFilters(), scope: 'mine' as const, overdue: true, text: '垃圾' }
    const q = filtersToRoute(f, 2)
    expect(q).toEqual({ scope: 'mine', overdue: '1', text: '垃圾', page: '2' })
    expect(filtersFromRoute(q)).toEqual({ filters: f, page: 2, names: {} })
    expect(filtersToRoute(emptyFilters(), 1)).toEqual({})
    expect(filtersFromRoute({ scope: 'bogus', page: '-1' })).toEqual({ filters: emptyFilters(), page: 1, names: {} })
  })
  it('read a dashboard link with its drill-down filters and the names of what the ids stand for', () => {
    const link = { state: '', grid: '3', grid_name: '第1网格', handler_name: '王海燕', from: '2026-11-01', to: '2026-12-01' }
    const { filters, names } = filtersFromRoute(link)
    expect(filters).toMatchObject({ state: '', grid: '3', handler: '', from: '2026-11-01', to: '2026-12-01' })
    // A name without its id is dropped; the name follows its id back into the URL.
    expect(names).toEqual({ grid: '第1网格' })
    expect(filtersToRoute(filters, 1, names)).toEqual({ state: '', grid: '3', grid_name: '第1网格', from: '2026-11-01', to: '2026-12-01' })
  })
})

describe('drill-down tags', () => {
  const label = (key: string, v: string) => `${key}=${v}`
  it('show names where the link gave them and ids where it did not', () => {
    const f = { ...emptyFilters(), region: '610921103002', grid: '3', handler: '7', department: '县住建局' }
    expect(drillTags(f, { grid: '第1网格' }, label).map((t) => t.text)).toEqual([
      'region=610921103002', 'grid=第1网格', 'handler=7', 'department=县住建局',
    ])
    expect(drillTags(emptyFilters(), {}, label)).toEqual([])
  })
  it('show a report window as one tag, its exclusive end as the day before', () => {
    const day = (d: number) => new Date(2026, 11, d).toISOString()
    expect(drillTags({ ...emptyFilters(), from: day(1), to: day(2) }, {}, label)).toEqual([{ key: 'window', text: 'window=2026-12-01' }])
    expect(drillTags({ ...emptyFilters(), from: '2026-11-01', to: '2026-12-01' }, {}, label)[0]!.text).toBe('window=2026-11-01 – 2026-11-30')
    expect(drillTags({ ...emptyFilters(), from: '2026-11-01' }, {}, label)[0]!.text).toBe('window=2026-11-01 – …')
    expect(shortTime(new Date(2026, 11, 3, 9, 5).toISOString())).toBe('2026-12-03 09:05')
  })
})

describe('buildStepBody', () => {
  it('sends only what the step reads, with the version', () => {
    const form = { ...emptyStepForm(), note: ' 派给你 ', assigneeId: 5, passed: true, mark: 'red' }
    expect(buildStepBody('dispatch', form, 3)).toEqual({ version: 3, note: '派给你', assignee_id: 5 })
    expect(buildStepBody('verify', { ...emptyStepForm(), passed: false, note: '未清理干净' }, 7)).toEqual({ version: 7, passed: false, note: '未清理干净' })
    expect(buildStepBody('accept', form, 1)).toEqual({ version: 1, note: '派给你' })
  })
  it('joins picked and typed department ids for a summons', () => {
    const form = { ...emptyStepForm(), departmentIds: [6], departmentIdText: '7，6 ８', minutes: 30 }
    expect(buildStepBody('summons', form, 2)).toEqual({ version: 2, department_ids: [6, 7, 8], minutes: 30 })
  })
  it('carries photos on the steps that take them', () => {
    const form = { ...emptyStepForm(), note: '已清运', attachmentIds: [11, 12] }
    expect(buildStepBody('feedback', form, 4).attachment_ids).toEqual([11, 12])
    expect(buildStepBody('close', form, 4).attachment_ids).toBeUndefined()
  })
  it('sends the extension time as RFC 3339 and the escalation department only for departments', () => {
    const until = new Date('2026-12-10T02:00:00Z')
    expect(buildStepBody('extension', { ...emptyStepForm(), until, note: '材料未到' }, 1)).toEqual({ version: 1, note: '材料未到', until: '2026-12-10T02:00:00.000Z' })
    expect(buildStepBody('escalate', { ...emptyStepForm(), level: 'street', department: 'x', note: 'n' }, 1)).toEqual({ version: 1, note: 'n', level: 'street' })
    expect(buildStepBody('escalate', { ...emptyStepForm(), level: 'department', department: ' 县住建局 ', note: 'n' }, 1)).toMatchObject({ department: '县住建局' })
  })
  it('parses typed ids', () => {
    expect(parseIds('6, 7、 x 0 7')).toEqual([6, 7])
  })
})

describe('categories', () => {
  const c = (code: string, name: string, parent: string | null, sort = 0): Category => ({
    code, name, name_en: '', parent_code: parent, kind: 'event', default_level: 'grid', department: '', limits: [], active: true, sort_order: sort,
  })
  const items = [c('environment.dirty_road', '道路不洁', 'environment', 2), c('environment', '环境卫生', null), c('environment.exposed_garbage', '暴露垃圾', 'environment', 1)]
  it('builds the tree with classes unselectable for reports', () => {
    const tree = categoryTree(items, 'zh-CN', true)
    expect(tree).toHaveLength(1)
    expect(tree[0]).toMatchObject({ value: 'environment', disabled: true })
    expect(tree[0].children!.map((n) => n.value)).toEqual(['environment.exposed_garbage', 'environment.dirty_road'])
    expect(categoryTree(items, 'zh-CN')[0].disabled).toBeUndefined()
  })
  it('names a category with its class', () => {
    expect(categoryNames(items, 'zh-CN').get('environment.exposed_garbage')).toBe('环境卫生 / 暴露垃圾')
  })
})
