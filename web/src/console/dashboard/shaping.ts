// Pure helpers of the dashboard: API answers into chart series, rates into text, and clicks into
// the filtered list each figure stands for. No requests here, so all of it is unit-tested.
import type { RouteLocationRaw } from 'vue-router'
import { localDay, startOfLocalDay } from '@/shared/localTime'

// Where the drill-downs land. The registry and events lists read the same query names as the API
// (region, status, group_type; region, state, category).
export const REGISTRY_PATH = '/registry'
export const HOUSEHOLDS_PATH = '/registry/households'
export const EVENTS_PATH = '/events'

export interface KpiRow {
  key: string
  name: string
  total: number
  closed: number
  closed_on_time: number
  rated: number
  satisfied: number
  overdue_open: number
  closure_rate: number | null
  on_time_rate: number | null
  satisfaction_rate: number | null
  average_response_minutes: number | null
  average_closing_hours: number | null
}

export interface KpiReport {
  by: string
  from: string
  to: string
  items: KpiRow[]
  overall: KpiRow
}

export type KpiDimension = 'community' | 'grid' | 'department' | 'worker'

// Every state of the workflow, in its order, for the pie and its legend.
export const EVENT_STATES = [
  'reported', 'accepted', 'dispatched', 'in_progress', 'resolved', 'verified', 'closed', 'shelved', 'rejected',
  'merged',
] as const
export type EventState = (typeof EVENT_STATES)[number]

export interface CategoryNode {
  code: string
  name: string
  name_en?: string
  parent_code: string | null
  active?: boolean
  sort_order?: number
}

export interface RegionNode {
  code: string
  name: string
  level: number
  kind?: string
}

export interface GroupType {
  code: string
  name: string
  name_en?: string
  active: boolean
  sensitivity?: string
  sort_order?: number
}

// A share (0–1) as a percentage with one decimal; no denominator yet reads as a dash.
export function formatRate(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  return `${(rate * 100).toFixed(digits)}%`
}

// A share as a percentage number for a chart axis (null stays null so the bar is absent).
export function ratePercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null
  return Math.round(rate * 1000) / 10
}

export function formatCount(value: number | null | undefined, locale = 'zh-CN'): string {
  if (value === null || value === undefined) return '—'
  return value.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN')
}

export function formatMinutes(minutes: number | null | undefined, locale = 'zh-CN'): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—'
  const en = locale === 'en'
  if (minutes < 60) return en ? `${Math.round(minutes)} min` : `${Math.round(minutes)} 分钟`
  const hours = minutes / 60
  if (hours < 48) return en ? `${hours.toFixed(1)} h` : `${hours.toFixed(1)} 小时`
  return en ? `${(hours / 24).toFixed(1)} d` : `${(hours / 24).toFixed(1)} 天`
}

// How long past its due time an event is, from the API's remaining_minutes (negative when late).
export function overdueMinutes(remaining: number | null | undefined): number | null {
  if (remaining === null || remaining === undefined || remaining >= 0) return null
  return -remaining
}

// Drops empty filters so the list's URL carries only what narrows it.
function cleanQuery(query: Record<string, string | number | boolean | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue
    out[key] = String(value)
  }
  return out
}

export interface PeopleFilter {
  region?: string
  group_type?: string
  status?: string
}

export function registryLink(filter: PeopleFilter): RouteLocationRaw {
  return { path: REGISTRY_PATH, query: cleanQuery({ ...filter }) }
}

export function householdsLink(region?: string): RouteLocationRaw {
  return { path: HOUSEHOLDS_PATH, query: cleanQuery({ region }) }
}

export interface EventFilter {
  region?: string
  state?: string
  category?: string
  level?: string
  supervision?: string
  // A KPI row's dimension and the report window its figures cover, [from, to).
  grid?: string
  grid_name?: string
  handler?: string
  handler_name?: string
  department?: string
  from?: string
  to?: string
}

// The events list opens on open events when the address names no state, so a link always names
// one: an empty state means every state. Overdue is also given as the list's own overdue=1 flag.
export function eventsLink(filter: EventFilter): RouteLocationRaw {
  const state = filter.state ?? ''
  const query = cleanQuery({ ...filter, state: undefined, overdue: state === 'overdue' ? '1' : undefined })
  return { path: EVENTS_PATH, query: { state, ...query } }
}

export function eventLink(id: number): RouteLocationRaw {
  return { path: `${EVENTS_PATH}/${id}` }
}

// The list a row of the KPI table opens: the events its figures count, every state, reported in
// the report's window, narrowed by the row's community, grid, department or handling worker.
export function kpiRowLink(by: KpiDimension, row: KpiRow, window: { from?: string; to?: string } = {}): RouteLocationRaw | null {
  if (!row.key) return null
  const span = { from: window.from, to: window.to }
  switch (by) {
    case 'community':
      return eventsLink({ region: row.key, ...span })
    case 'grid':
      return eventsLink({ grid: row.key, grid_name: row.name, ...span })
    case 'department':
      return eventsLink({ department: row.key, ...span })
    case 'worker':
      return eventsLink({ handler: row.key, handler_name: row.name, ...span })
  }
}

// The events a point of the daily trend counts: those of the node reported on that local day.
export function trendDayLink(region: string, day: string): RouteLocationRaw | null {
  const window = dayWindow(day)
  return window ? eventsLink({ region: region || undefined, ...window }) : null
}

export interface PieDatum {
  name: string
  value: number
  key: string
}

// The states pie: slices in workflow order, empty states left out.
export function stateSlices(counts: Partial<Record<string, number>>, label: (state: string) => string): PieDatum[] {
  return EVENT_STATES.filter((s) => (counts[s] ?? 0) > 0).map((s) => ({ key: s, name: label(s), value: counts[s]! }))
}

// The top classes of the category tree (what `category=` counts as a whole), in their order.
export function categoryClasses(categories: CategoryNode[]): CategoryNode[] {
  return categories
    .filter((c) => !c.parent_code && c.active !== false)
    .sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0))
}

export interface BarSeries {
  keys: string[]
  names: string[]
  values: number[]
}

// Bars of the categories that have events, largest first.
export function categoryBars(
  classes: CategoryNode[],
  counts: Partial<Record<string, number>>,
  locale = 'zh-CN',
): BarSeries {
  const rows = classes
    .map((c) => ({ key: c.code, name: locale === 'en' && c.name_en ? c.name_en : c.name, value: counts[c.code] ?? 0 }))
    .filter((r) => r.value > 0)
    .sort((a, b) => b.value - a.value)
  return { keys: rows.map((r) => r.key), names: rows.map((r) => r.name), values: rows.map((r) => r.value) }
}

// The `days` local calendar days ending today, oldest first.
export function lastDays(today: Date, days = 30): string[] {
  const keys: string[] = []
  for (let i = days - 1; i >= 0; i--) keys.push(localDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - i)))
  return keys
}

// A local day (YYYY-MM-DD) as the report window [from, to) the events list and API take.
export function dayWindow(day: string): { from: string; to: string } | null {
  const from = startOfLocalDay(day)
  const to = startOfLocalDay(day, 1)
  return from && to ? { from: from.toISOString(), to: to.toISOString() } : null
}

export interface KpiBars {
  keys: string[]
  names: string[]
  onTime: (number | null)[]
  satisfaction: (number | null)[]
  closure: (number | null)[]
}

// 按期结案率, 满意率 and 结案率 of each row as percentages, busiest rows first, at most `limit` of them.
export function kpiBars(rows: KpiRow[], limit = 15): KpiBars {
  const sorted = [...rows].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)).slice(0, limit)
  return {
    keys: sorted.map((r) => r.key),
    names: sorted.map((r) => r.name || r.key),
    onTime: sorted.map((r) => ratePercent(r.on_time_rate)),
    satisfaction: sorted.map((r) => ratePercent(r.satisfaction_rate)),
    closure: sorted.map((r) => ratePercent(r.closure_rate)),
  }
}

export function groupTypeName(type: GroupType, locale = 'zh-CN'): string {
  return locale === 'en' && type.name_en ? type.name_en : type.name
}

export interface StackedBars {
  columns: { code: string; name: string }[]
  series: { key: string; name: string; values: number[] }[]
}

// Key-group members per child node, one stacked series per key group that has members.
// counts[child][type] are the API's totals; types without anyone anywhere are left out.
export function keyGroupStacks(
  columns: { code: string; name: string }[],
  types: GroupType[],
  counts: Record<string, Record<string, number>>,
  locale = 'zh-CN',
): StackedBars {
  const series = types
    .map((t) => ({
      key: t.code,
      name: groupTypeName(t, locale),
      values: columns.map((c) => counts[c.code]?.[t.code] ?? 0),
    }))
    .filter((s) => s.values.some((v) => v > 0))
  return { columns, series }
}

export function sum(values: Iterable<number>): number {
  let total = 0
  for (const v of values) total += v
  return total
}
