// The registry's calls, one function per route of src/registry/module.cpp that these screens use.
import { api, buildQuery, parseError, request, type Page, type Query } from '@/shared/api'
import { dispositionName, downloadName } from './format'
import type {
  GroupType, Household, Housing, ImportKind, ImportReport, Person, PersonHistory, RegionNode,
} from './types'

export const searchPeople = (query: Query, signal?: AbortSignal) => api.get<Page<Person>>('/api/people', query, signal)
export const getPerson = (id: number) => api.get<Person>(`/api/people/${id}`)
export const personHistory = (id: number) => api.get<PersonHistory>(`/api/people/${id}/history`)
export const createPerson = (body: Record<string, unknown>) => api.post<Person>('/api/people', body)
export const updatePerson = (id: number, body: Record<string, unknown>) => api.patch<Person>(`/api/people/${id}`, body)
export const revealPerson = (id: number, fields: string[], reason: string) =>
  api.post<{ id_number?: string; phone?: string }>(`/api/people/${id}/reveal`, { fields, reason })
export const addPersonGroup = (id: number, type_code: string) => api.post(`/api/people/${id}/groups`, { type_code })

let groupTypesCache: Promise<GroupType[]> | null = null
export function groupTypes(): Promise<GroupType[]> {
  groupTypesCache ??= api
    .get<{ items: GroupType[] }>('/api/group-types')
    .then((r) => r.items.filter((g) => g.active).sort((a, b) => a.sort_order - b.sort_order))
    .catch((error) => {
      groupTypesCache = null
      throw error
    })
  return groupTypesCache
}

export const searchHouseholds = (query: Query) => api.get<Page<Household>>('/api/households', query)
export const getHousehold = (id: number) => api.get<Household>(`/api/households/${id}`)
export const getHousing = (code: string) => api.get<Housing>(`/api/housing/${code}`)

export const getRegion = (code: string) => api.get<RegionNode>(`/api/regions/${code}`)
export const regionChildren = (code: string) =>
  api.get<Page<RegionNode>>(`/api/regions/${code}/children`, { limit: 1000 })

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function importFile(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportReport> {
  const xlsx = /\.xlsx$/i.test(file.name)
  return request<ImportReport>('POST', `/api/${kind}/import`, {
    body: file,
    headers: { 'Content-Type': xlsx ? XLSX_TYPE : 'text/csv' },
    query: { format: xlsx ? 'xlsx' : 'csv', dry_run: dryRun ? 'true' : undefined },
  })
}

// Fetches a file the server makes (an export, a template) and hands it to the browser as a
// download; a refusal comes back as the ApiError the screens show.
export async function download(path: string, query: Query, fallbackName: string): Promise<string> {
  const response = await fetch(path + buildQuery(query), { credentials: 'same-origin' })
  if (!response.ok) throw await parseError(response)
  const name = dispositionName(response.headers.get('content-disposition')) || fallbackName
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}

export function exportPeople(query: Query, format: 'xlsx' | 'csv'): Promise<string> {
  return download('/api/people/export', { ...query, format }, downloadName('people', format))
}

export function importTemplate(kind: ImportKind): Promise<string> {
  return download(`/api/${kind}/import/template`, {}, `${kind}-template.xlsx`)
}
