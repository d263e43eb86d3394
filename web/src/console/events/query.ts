// The work list's filters and the /api/events query they make.
import type { Query } from '@/shared/api'

export type Scope = 'all' | 'mine' | 'unassigned'

export interface ListFilters {
  scope: Scope
  state: string // '' any, 'open', or one state
  category: string // a category or a whole class (its code prefix)
  level: string
  supervision: string
  overdue: boolean
  text: string
}

export const emptyFilters = (): ListFilters => ({
  scope: 'all', state: 'open', category: '', level: '', supervision: '', overdue: false, text: '',
})

// The API has no text search: with text, the list fetches the largest page it may and searches
// it here (TEXT_WINDOW events by due time), paging locally.
export const TEXT_WINDOW = 200

export function buildListQuery(filters: ListFilters, page: number, pageSize: number): Query {
  const text = filters.text.trim()
  const query: Query = {
    // overdue is a state of its own to the API ("open and past due").
    state: filters.overdue ? 'overdue' : filters.state,
    category: filters.category,
    level: filters.level,
    supervision: filters.supervision,
    mine: filters.scope === 'mine' ? true : undefined,
    unassigned: filters.scope === 'unassigned' ? true : undefined,
    limit: text ? TEXT_WINDOW : pageSize,
    offset: text ? 0 : Math.max(0, (page - 1) * pageSize),
  }
  return query
}

interface Searchable {
  reference: string
  title: string
  description: string
  reporter_name?: string
  owner_name?: string
  handler_name?: string
}

export function matchesText<T extends Searchable>(item: T, text: string): boolean {
  const needle = text.trim().toLowerCase()
  if (!needle) return true
  return [item.reference, item.title, item.description, item.reporter_name, item.owner_name, item.handler_name]
    .some((field) => (field ?? '').toLowerCase().includes(needle))
}

// The filters as the page URL keeps them, so a reload or a link opens the same list.
export function filtersToRoute(filters: ListFilters, page: number): Record<string, string> {
  const out: Record<string, string> = {}
  const defaults = emptyFilters()
  for (const key of Object.keys(filters) as (keyof ListFilters)[]) {
    const value = filters[key]
    if (value === defaults[key]) continue
    out[key] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value)
  }
  if (page > 1) out.page = String(page)
  return out
}

export function filtersFromRoute(query: Record<string, unknown>): { filters: ListFilters; page: number } {
  const filters = emptyFilters()
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : undefined)
  const scope = text('scope')
  if (scope === 'mine' || scope === 'unassigned' || scope === 'all') filters.scope = scope
  for (const key of ['state', 'category', 'level', 'supervision', 'text'] as const) {
    const value = text(key)
    if (value !== undefined) filters[key] = value
  }
  filters.overdue = text('overdue') === '1'
  const page = Number(text('page') ?? '1')
  return { filters, page: Number.isInteger(page) && page > 0 ? page : 1 }
}
