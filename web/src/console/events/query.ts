// The work list's filters and the /api/events query they make.
import type { Query } from '@/shared/api'
import { isLocalMidnight, localDay, localMinute, startOfLocalDay } from '@/shared/localTime'

export type Scope = 'all' | 'mine' | 'unassigned'

export interface ListFilters {
  scope: Scope
  state: string // '' any, 'open', or one state
  category: string // a category or a whole class (its code prefix)
  level: string
  supervision: string
  overdue: boolean
  text: string // reference, title or description, searched by the server
  // What a figure elsewhere (the dashboard) narrows the list to: a region subtree, the handling
  // worker's id, a grid's id, a department's name, and a report-time window [from, to).
  region: string
  handler: string
  grid: string
  department: string
  from: string
  to: string
}

export const emptyFilters = (): ListFilters => ({
  scope: 'all', state: 'open', category: '', level: '', supervision: '', overdue: false, text: '',
  region: '', handler: '', grid: '', department: '', from: '', to: '',
})

// The filters that arrive by link and show as closable tags rather than as form controls.
export const DRILL_KEYS = ['region', 'handler', 'grid', 'department', 'from', 'to'] as const
export type DrillKey = (typeof DRILL_KEYS)[number]

export function buildListQuery(filters: ListFilters, page: number, pageSize: number): Query {
  return {
    // overdue is a state of its own to the API ("open and past due").
    state: filters.overdue ? 'overdue' : filters.state,
    category: filters.category,
    level: filters.level,
    supervision: filters.supervision,
    mine: filters.scope === 'mine' ? true : undefined,
    unassigned: filters.scope === 'unassigned' ? true : undefined,
    q: filters.text.trim(),
    region: filters.region,
    handler: filters.handler,
    grid: filters.grid,
    department: filters.department,
    from: filters.from,
    to: filters.to,
    limit: pageSize,
    offset: Math.max(0, (page - 1) * pageSize),
  }
}

// The filters as the page URL keeps them, so a reload or a link opens the same list. Names a link
// gives for what its ids stand for (grid_name, handler_name, region_name) ride along for the tags.
export function filtersToRoute(filters: ListFilters, page: number, names: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {}
  const defaults = emptyFilters()
  for (const key of Object.keys(filters) as (keyof ListFilters)[]) {
    const value = filters[key]
    if (value === defaults[key]) continue
    out[key] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value)
  }
  for (const [key, name] of Object.entries(names)) {
    if (name && out[key]) out[`${key}_name`] = name
  }
  if (page > 1) out.page = String(page)
  return out
}

const TEXT_KEYS = ['state', 'category', 'level', 'supervision', 'text', ...DRILL_KEYS] as const

export function filtersFromRoute(query: Record<string, unknown>): {
  filters: ListFilters
  page: number
  names: Record<string, string>
} {
  const filters = emptyFilters()
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : undefined)
  const scope = text('scope')
  if (scope === 'mine' || scope === 'unassigned' || scope === 'all') filters.scope = scope
  for (const key of TEXT_KEYS) {
    const value = text(key)
    if (value !== undefined) filters[key] = value
  }
  filters.overdue = text('overdue') === '1'
  const names: Record<string, string> = {}
  for (const key of ['region', 'handler', 'grid'] as const) {
    const name = text(`${key}_name`)
    if (name && filters[key]) names[key] = name
  }
  const page = Number(text('page') ?? '1')
  return { filters, page: Number.isInteger(page) && page > 0 ? page : 1, names }
}

// A time the URL carries (RFC 3339 or a date) as the local day or minute people read.
export function shortTime(value: string): string {
  const at = startOfLocalDay(value) ?? new Date(value)
  return Number.isNaN(at.getTime()) ? value : localMinute(at)
}

// The window's end is exclusive: an end at local midnight reads as the day before, inclusive.
function lastDay(value: string): string | undefined {
  const at = startOfLocalDay(value) ?? new Date(value)
  if (!value || Number.isNaN(at.getTime()) || !isLocalMidnight(at)) return undefined
  return localDay(new Date(at.getFullYear(), at.getMonth(), at.getDate() - 1))
}

export interface DrillTag {
  key: DrillKey | 'window'
  text: string
}

// The tags above the list for the filters a link set: one per filter, the window as one tag.
export function drillTags(
  filters: ListFilters,
  names: Record<string, string>,
  label: (key: string, value: string) => string,
): DrillTag[] {
  const tags: DrillTag[] = []
  for (const key of ['region', 'grid', 'handler', 'department'] as const) {
    const value = filters[key]
    if (value) tags.push({ key, text: label(key, names[key] || value) })
  }
  if (filters.from || filters.to) {
    const from = shortTime(filters.from)
    const to = lastDay(filters.to) ?? shortTime(filters.to)
    const span = from && from === to ? from : `${from || '…'} – ${to || '…'}`
    tags.push({ key: 'window', text: label('window', span) })
  }
  return tags
}
