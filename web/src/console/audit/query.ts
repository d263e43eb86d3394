// The audit log's filters as the page keeps them (in the address, so a search can be linked) and
// as the API takes them (GET /api/audit: exact actor, action, object, result; a time range; pages
// by cursor, newest first).
import type { LocationQuery } from 'vue-router'
import type { Query } from '@/shared/api'

export const RESULTS = ['success', 'failure', 'denied'] as const
export type Result = (typeof RESULTS)[number]
export const PAGE_SIZES = [20, 50, 100]

export interface AuditFilters {
  actor: string
  action: string
  object_type: string
  object_id: string
  result: '' | Result
  from: string // RFC 3339, inclusive
  to: string // RFC 3339, exclusive
  size: number
}

export function emptyFilters(): AuditFilters {
  return { actor: '', action: '', object_type: '', object_id: '', result: '', from: '', to: '', size: 50 }
}

const first = (value: LocationQuery[string] | undefined): string =>
  (Array.isArray(value) ? value[0] : value)?.toString().trim() ?? ''

function time(value: string): string {
  if (!value) return ''
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

export function filtersFromRoute(query: LocationQuery): AuditFilters {
  const f = emptyFilters()
  f.actor = first(query.actor)
  f.action = first(query.action)
  f.object_type = first(query.object_type)
  f.object_id = first(query.object_id)
  const result = first(query.result)
  if ((RESULTS as readonly string[]).includes(result)) f.result = result as Result
  f.from = time(first(query.from))
  f.to = time(first(query.to))
  const size = Number(first(query.size))
  if (PAGE_SIZES.includes(size)) f.size = size
  return f
}

// The address form: only what differs from an empty search.
export function routeQuery(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {}
  const empty = emptyFilters()
  for (const key of Object.keys(empty) as (keyof AuditFilters)[]) {
    const value = typeof f[key] === 'string' ? (f[key] as string).trim() : f[key]
    if (value !== '' && value !== empty[key]) out[key] = String(value)
  }
  return out
}

// The request for one page: `before` is the cursor the previous page gave (next_before_id).
export function apiQuery(f: AuditFilters, before?: number | null): Query {
  return {
    actor: f.actor.trim() || undefined,
    action: f.action.trim() || undefined,
    object_type: f.object_type.trim() || undefined,
    object_id: f.object_id.trim() || undefined,
    result: f.result || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    before_id: before ?? undefined,
    limit: f.size,
  }
}

// Pages by cursor: the log only says where the next page starts, so the way back is the list of
// cursors that led here (cursors[0] is the newest page, without one).
export interface CursorPages {
  cursors: (number | null)[]
  next: number | null
}

export function firstPage(): CursorPages {
  return { cursors: [null], next: null }
}

export function current(pages: CursorPages): number | null {
  return pages.cursors[pages.cursors.length - 1]
}

export function forward(pages: CursorPages): CursorPages {
  if (pages.next === null) return pages
  return { cursors: [...pages.cursors, pages.next], next: null }
}

export function back(pages: CursorPages): CursorPages {
  if (pages.cursors.length <= 1) return pages
  return { cursors: pages.cursors.slice(0, -1), next: null }
}

// One line of an entry's detail: a change is recorded as [old, new].
export interface DetailRow {
  key: string
  value: string
  before?: string
  after?: string
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

export function detailRows(detail: unknown, changeKeys = false): DetailRow[] {
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return []
  return Object.entries(detail as Record<string, unknown>).map(([key, value]) => {
    // Updates record {"field": [old, new]}; other entries a plain value per key.
    if (changeKeys && Array.isArray(value) && value.length === 2) {
      return { key, value: `${text(value[0])} → ${text(value[1])}`, before: text(value[0]), after: text(value[1]) }
    }
    return { key, value: text(value) }
  })
}

// Actions whose detail is a list of changes, {"field": [old, new]}.
export function isChange(action: string): boolean {
  return /update|settings/.test(action.split('.')[1] ?? '')
}
