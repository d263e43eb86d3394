// The people list's filters, kept in the address bar with the API's own parameter names (so the
// dashboard's drill-downs land on a filtered list) and turned into the query /api/people takes.
import type { LocationQuery } from 'vue-router'
import type { Query } from '@/shared/api'

export const PAGE_SIZES = [20, 50, 100]

export interface PeopleFilters {
  text: string // what was typed in the one search box: a name, pinyin initials, an ID number or a phone
  region: string
  group_type: string
  sex: string
  residence_type: string
  status: string
  age_min: number | null
  age_max: number | null
  sort: string
  order: 'asc' | 'desc'
  page: number
  size: number
}

export function emptyFilters(): PeopleFilters {
  return {
    text: '', region: '', group_type: '', sex: '', residence_type: '', status: '',
    age_min: null, age_max: null, sort: 'name', order: 'asc', page: 1, size: 20,
  }
}

const ID_NUMBER = /^(\d{17}[\dXx]|\d{15})$/
const MOBILE_OR_LANDLINE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/

// The API searches names by `q` but ID numbers and phones only whole, by their own parameters: one
// box serves all three by telling them apart.
export function searchTerms(text: string): { q?: string; id_number?: string; phone?: string } {
  const term = text.trim().replace(/\s+/g, ' ')
  if (!term) return {}
  if (ID_NUMBER.test(term)) return { id_number: term.toUpperCase() }
  if (MOBILE_OR_LANDLINE.test(term)) return { phone: term.replace('-', '') }
  return { q: term }
}

export function apiQuery(f: PeopleFilters, { paged = true } = {}): Query {
  const query: Query = {
    ...searchTerms(f.text),
    region: f.region || undefined,
    group_type: f.group_type || undefined,
    sex: f.sex || undefined,
    residence_type: f.residence_type || undefined,
    status: f.status || undefined,
    age_min: f.age_min ?? undefined,
    age_max: f.age_max ?? undefined,
    sort: f.sort !== 'name' ? f.sort : undefined,
    order: f.order !== 'asc' ? f.order : undefined,
  }
  if (paged) {
    query.limit = f.size
    query.offset = (f.page - 1) * f.size
  }
  return query
}

function first(value: LocationQuery[string]): string {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : ''
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null
  const n = Number(text)
  return n >= min && n <= max ? n : null
}

// The address bar's query as filters. It also takes q, id_number and phone (as the dashboard and
// the API name them) into the search box.
export function filtersFromRoute(query: LocationQuery): PeopleFilters {
  const f = emptyFilters()
  f.text = first(query.q) || first(query.id_number) || first(query.phone)
  f.region = first(query.region)
  f.group_type = first(query.group_type)
  f.sex = first(query.sex)
  f.residence_type = first(query.residence_type)
  f.status = first(query.status)
  f.age_min = wholeNumber(first(query.age_min), 0, 150)
  f.age_max = wholeNumber(first(query.age_max), 0, 150)
  const sort = first(query.sort)
  if (['name', 'birth_date', 'updated_at', 'id'].includes(sort)) f.sort = sort
  if (first(query.order) === 'desc') f.order = 'desc'
  f.page = wholeNumber(first(query.page), 1, 1_000_000) ?? 1
  const size = wholeNumber(first(query.size), 1, 200)
  if (size && PAGE_SIZES.includes(size)) f.size = size
  return f
}

export function routeQuery(f: PeopleFilters): Record<string, string> {
  const out: Record<string, string> = {}
  const put = (key: string, value: string | number | null, skip: string | number | null = '') => {
    if (value !== null && value !== '' && value !== skip) out[key] = String(value)
  }
  put('q', f.text.trim())
  put('region', f.region)
  put('group_type', f.group_type)
  put('sex', f.sex)
  put('residence_type', f.residence_type)
  put('status', f.status)
  put('age_min', f.age_min)
  put('age_max', f.age_max)
  put('sort', f.sort, 'name')
  put('order', f.order, 'asc')
  put('page', f.page, 1)
  put('size', f.size, 20)
  return out
}
