import { describe, expect, it } from 'vitest'
import {
  categoryBars, categoryClasses, dayWindow, eventLink, eventsLink, formatMinutes, formatRate, householdsLink,
  keyGroupStacks, kpiBars, kpiRowLink, lastDays, overdueMinutes, ratePercent, registryLink, stateSlices, trendDayLink,
  type CategoryNode, type GroupType, type KpiRow,
} from './shaping'

function row(over: Partial<KpiRow>): KpiRow {
  return {
    key: 'k', name: 'n', total: 0, closed: 0, closed_on_time: 0, rated: 0, satisfied: 0, overdue_open: 0,
    closure_rate: null, on_time_rate: null, satisfaction_rate: null, average_response_minutes: null,
    average_closing_hours: null, ...over,
  }
}

describe('rates', () => {
  it('formats a share as a percentage and a missing denominator as a dash', () => {
    expect(formatRate(0.8567)).toBe('85.7%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatRate(null)).toBe('—')
    expect(formatRate(undefined)).toBe('—')
    expect(formatRate(Number.NaN)).toBe('—')
  })

  it('gives chart percentages with one decimal and keeps null absent', () => {
    expect(ratePercent(2 / 3)).toBe(66.7)
    expect(ratePercent(null)).toBeNull()
  })

  it('reads durations in minutes, hours or days', () => {
    expect(formatMinutes(42)).toBe('42 分钟')
    expect(formatMinutes(90)).toBe('1.5 小时')
    expect(formatMinutes(60 * 72, 'en')).toBe('3.0 d')
    expect(formatMinutes(null)).toBe('—')
  })

  it('tells how late an event is only when its time has run out', () => {
    expect(overdueMinutes(-125)).toBe(125)
    expect(overdueMinutes(30)).toBeNull()
    expect(overdueMinutes(null)).toBeNull()
  })
})

describe('drill-down links', () => {
  it('carries only the filters that narrow the list, under the API names', () => {
    expect(registryLink({ region: '610921103002', status: 'living' })).toEqual({
      path: '/registry',
      query: { region: '610921103002', status: 'living' },
    })
    expect(registryLink({ region: '', group_type: 'disabled' })).toEqual({
      path: '/registry',
      query: { group_type: 'disabled' },
    })
    expect(eventsLink({ region: '610921000000', state: 'overdue', category: undefined })).toEqual({
      path: '/events',
      query: { region: '610921000000', state: 'overdue', overdue: '1' },
    })
    // Without a state the link asks for every state, not the list's default of open events.
    expect(eventsLink({ region: '', category: 'environment' })).toEqual({
      path: '/events',
      query: { state: '', category: 'environment' },
    })
    expect(householdsLink('')).toEqual({ path: '/registry/households', query: {} })
    expect(eventLink(42)).toEqual({ path: '/events/42' })
  })

  it('opens a KPI row as the events it counts: its community, grid, department or worker, in the window', () => {
    const window = { from: '2026-11-03T16:00:00.000Z', to: '2026-12-03T16:00:00.000Z' }
    const span = { from: window.from, to: window.to }
    expect(kpiRowLink('community', row({ key: '610921103002' }), window)).toEqual({
      path: '/events',
      query: { state: '', region: '610921103002', ...span },
    })
    expect(kpiRowLink('grid', row({ key: '2', name: '第1网格' }), window)).toEqual({
      path: '/events',
      query: { state: '', grid: '2', grid_name: '第1网格', ...span },
    })
    expect(kpiRowLink('department', row({ key: '县住建局', name: '县住建局' }))).toEqual({
      path: '/events',
      query: { state: '', department: '县住建局' },
    })
    expect(kpiRowLink('worker', row({ key: '9', name: '王海燕' }), window)).toEqual({
      path: '/events',
      query: { state: '', handler: '9', handler_name: '王海燕', ...span },
    })
    // Events nobody handles yet (or no grid holds) have no key and nothing to filter by.
    expect(kpiRowLink('worker', row({ key: '' }), window)).toBeNull()
  })

  it('opens a trend point as the node’s events reported that local day', () => {
    expect(dayWindow('2026-12-01')).toEqual({
      from: new Date(2026, 11, 1).toISOString(),
      to: new Date(2026, 11, 2).toISOString(),
    })
    expect(dayWindow('12-01')).toBeNull()
    expect(trendDayLink('610921103002', '2026-12-31')).toEqual({
      path: '/events',
      query: { state: '', region: '610921103002', from: new Date(2026, 11, 31).toISOString(), to: new Date(2027, 0, 1).toISOString() },
    })
    expect(trendDayLink('', '2026-12-01')).toMatchObject({ query: { state: '', from: new Date(2026, 11, 1).toISOString() } })
  })
})

describe('chart series', () => {
  it('lays the state pie in workflow order without empty states', () => {
    const slices = stateSlices({ closed: 4, reported: 2, merged: 0, in_progress: 1 }, (s) => `#${s}`)
    expect(slices).toEqual([
      { key: 'reported', name: '#reported', value: 2 },
      { key: 'in_progress', name: '#in_progress', value: 1 },
      { key: 'closed', name: '#closed', value: 4 },
    ])
  })

  const categories: CategoryNode[] = [
    { code: 'safety', name: '安全隐患', name_en: 'Safety', parent_code: null, sort_order: 30 },
    { code: 'environment', name: '环境卫生', name_en: 'Environment', parent_code: null, sort_order: 10 },
    { code: 'environment.exposed_garbage', name: '暴露垃圾', parent_code: 'environment', sort_order: 1 },
    { code: 'old', name: '旧类', parent_code: null, active: false, sort_order: 5 },
  ]

  it('counts categories by their top classes, active only, in order', () => {
    expect(categoryClasses(categories).map((c) => c.code)).toEqual(['environment', 'safety'])
  })

  it('draws the categories that have events, largest first, in the chosen language', () => {
    const classes = categoryClasses(categories)
    expect(categoryBars(classes, { environment: 2, safety: 5 })).toEqual({
      keys: ['safety', 'environment'],
      names: ['安全隐患', '环境卫生'],
      values: [5, 2],
    })
    expect(categoryBars(classes, { environment: 1 }, 'en').names).toEqual(['Environment'])
  })

  it('lists the last 30 local days, oldest first, across a month end', () => {
    const days = lastDays(new Date(2026, 11, 3, 15, 0))
    expect(days).toHaveLength(30)
    expect(days[29]).toBe('2026-12-03')
    expect(days[0]).toBe('2026-11-04')
    expect(new Set(days).size).toBe(30)
  })

  it('puts the busiest rows first and turns rates into percentages', () => {
    const bars = kpiBars([
      row({ key: 'a', name: '甲', total: 2, on_time_rate: 0.5, satisfaction_rate: null, closure_rate: 1 }),
      row({ key: 'b', name: '', total: 9, on_time_rate: 0.875, satisfaction_rate: 1, closure_rate: 0.5 }),
    ])
    expect(bars.keys).toEqual(['b', 'a'])
    expect(bars.names).toEqual(['b', '甲'])
    expect(bars.onTime).toEqual([87.5, 50])
    expect(bars.satisfaction).toEqual([100, null])
    expect(bars.closure).toEqual([50, 100])
    expect(kpiBars(Array.from({ length: 20 }, (_, i) => row({ key: String(i), total: i })), 5).keys).toEqual([
      '19', '18', '17', '16', '15',
    ])
  })

  it('stacks key groups per child and leaves out groups nobody belongs to', () => {
    const types: GroupType[] = [
      { code: 'elderly', name: '独居老人', name_en: 'Elderly alone', active: true },
      { code: 'veteran', name: '退役军人', active: true },
      { code: 'disabled', name: '残疾人', active: true },
    ]
    const columns = [
      { code: 'c1', name: '一区' },
      { code: 'c2', name: '二区' },
    ]
    const stacks = keyGroupStacks(columns, types, { c1: { elderly: 3, veteran: 0 }, c2: { elderly: 1, disabled: 2 } }, 'en')
    expect(stacks.series).toEqual([
      { key: 'elderly', name: 'Elderly alone', values: [3, 1] },
      { key: 'disabled', name: '残疾人', values: [0, 2] },
    ])
  })
})
