// The dashboard's requests. The server has one aggregate (/api/events/stats); every other figure is
// the `total` of a list asked for one row, so each count equals what its drill-down list shows.
import { api, type Page, type Query } from '@/shared/api'
import type { CategoryNode, GroupType, KpiDimension, KpiReport, RegionNode } from './shaping'
import { dayWindow, EVENT_STATES } from './shaping'

// Counts go out a few at a time so a county's dashboard does not queue dozens of requests at once.
const MAX_IN_FLIGHT = 6
let inFlight = 0
const waiting: (() => void)[] = []

async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve))
  inFlight++
  try {
    return await task()
  } finally {
    inFlight--
    waiting.shift()?.()
  }
}

export function countOf(path: string, query: Query): Promise<number> {
  return limited(() => api.get<Page<unknown>>(path, { ...query, limit: 1 })).then((page) => page.total)
}

// The region filter of a node; the national root ('') filters nothing.
export function regionQuery(node: string): Query {
  return node ? { region: node } : {}
}

export interface RegistryHeadline {
  people: number
  households: number
}

export async function registryHeadline(node: string): Promise<RegistryHeadline> {
  const [people, households] = await Promise.all([
    countOf('/api/people', { ...regionQuery(node), status: 'living' }),
    countOf('/api/households', regionQuery(node)),
  ])
  return { people, households }
}

export async function groupTypes(): Promise<GroupType[]> {
  const { items } = await api.get<{ items: GroupType[] }>('/api/group-types')
  return items.filter((t) => t.active).sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0))
}

// Members of each key group under a node. A group the caller may not read (restricted, sensitive)
// answers an error and is left out rather than failing the whole figure.
export async function keyGroupCounts(node: string, types: GroupType[]): Promise<Record<string, number>> {
  const entries = await Promise.all(
    types.map(async (t) => {
      try {
        return [t.code, await countOf('/api/people', { ...regionQuery(node), group_type: t.code })] as const
      } catch {
        return null
      }
    }),
  )
  return Object.fromEntries(entries.filter((e) => e !== null))
}

export async function eventHeadline(node: string): Promise<{ open: number; overdue: number }> {
  const [open, overdue] = await Promise.all([
    countOf('/api/events', { ...regionQuery(node), state: 'open' }),
    countOf('/api/events', { ...regionQuery(node), state: 'overdue' }),
  ])
  return { open, overdue }
}

export async function stateCounts(node: string): Promise<Record<string, number>> {
  const counts = await Promise.all(EVENT_STATES.map((state) => countOf('/api/events', { ...regionQuery(node), state })))
  return Object.fromEntries(EVENT_STATES.map((s, i) => [s, counts[i]!]))
}

export async function eventCategories(): Promise<CategoryNode[]> {
  const { items } = await api.get<{ items: CategoryNode[] }>('/api/event-categories')
  return items
}

export async function categoryCounts(node: string, classes: CategoryNode[]): Promise<Record<string, number>> {
  const counts = await Promise.all(
    classes.map((c) => countOf('/api/events', { ...regionQuery(node), category: c.code })),
  )
  return Object.fromEntries(classes.map((c, i) => [c.code, counts[i]!]))
}

export function kpiReport(node: string, by: KpiDimension): Promise<KpiReport> {
  return limited(() => api.get<KpiReport>('/api/events/stats', { ...regionQuery(node), by }))
}

// The daily trend: one count per day, each the total of the list its point opens.
export function dailyReports(node: string, days: string[]): Promise<number[]> {
  return Promise.all(
    days.map((day) => {
      const window = dayWindow(day)
      return window ? countOf('/api/events', { ...regionQuery(node), ...window }) : Promise.resolve(0)
    }),
  )
}

export interface EventSummary {
  id: number
  reference: string
  title: string
  category_code: string
  region_code: string
  state: string
  state_label?: string
  level: string
  owner_name?: string
  handler_name?: string
  reported_at: string
  due_at: string | null
  remaining_minutes: number | null
  supervision?: string
  overdue?: boolean
}

export function overduePage(node: string, limit: number, offset: number): Promise<Page<EventSummary>> {
  return api.get<Page<EventSummary>>('/api/events', { ...regionQuery(node), state: 'overdue', limit, offset })
}

export interface RegionDetail extends RegionNode {
  ancestors?: { code: string; name: string; level: number }[]
  address?: string
  child_count?: number
}

export function region(code: string): Promise<RegionDetail> {
  return api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`)
}

// The children a by-child chart draws; beyond this many the chart would be unreadable anyway.
export const CHILD_CAP = 40

export async function children(code: string, limit = CHILD_CAP): Promise<{ items: RegionNode[]; total: number }> {
  return api.get<Page<RegionNode>>(`/api/regions/${encodeURIComponent(code)}/children`, { limit })
}

export async function searchRegions(q: string): Promise<RegionNode[]> {
  const { items } = await api.get<{ items: RegionNode[] }>('/api/regions', { q, limit: 20 })
  return items
}

export async function peopleByChild(columns: RegionNode[]): Promise<Record<string, number>> {
  const counts = await Promise.all(columns.map((c) => countOf('/api/people', { region: c.code, status: 'living' })))
  return Object.fromEntries(columns.map((c, i) => [c.code, counts[i]!]))
}

// Key-group members per child, asking only about the groups the node itself has members of.
export async function keyGroupsByChild(
  columns: RegionNode[],
  types: GroupType[],
  nodeCounts: Record<string, number>,
): Promise<Record<string, Record<string, number>>> {
  const present = types.filter((t) => (nodeCounts[t.code] ?? 0) > 0)
  const result: Record<string, Record<string, number>> = {}
  await Promise.all(
    columns.map(async (c) => {
      result[c.code] = await keyGroupCounts(c.code, present)
    }),
  )
  return result
}
