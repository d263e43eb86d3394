// The events API as the console's screens call it.
import { api, request, type Page, type Query } from '@/shared/api'
import type { ActionKey } from './workflow'
import type { Attachment, Category, EventDetail, EventItem, Region, StageDeadline, UserAccount } from './types'

export interface StepBody {
  note?: string
  version?: number
  assignee_id?: number
  passed?: boolean
  until?: string
  into?: number
  level?: string
  department?: string
  mark?: string
  department_ids?: number[]
  minutes?: number
  summons_id?: number
  attachment_ids?: number[]
}

export interface NewEventBody {
  category_code: string
  region_code: string
  title: string
  description?: string
  source?: string
  anonymous?: boolean
  latitude?: number
  longitude?: number
}

export const eventsApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<Page<EventItem>>('/api/events', query, signal),
  get: (id: number | string) => api.get<EventDetail>(`/api/events/${id}`),
  report: (body: NewEventBody) => api.post<EventDetail>('/api/events', body),
  step: (id: number, action: ActionKey, body: StepBody) => api.post<EventDetail>(`/api/events/${id}/${action}`, body),
  duplicates: (id: number) => api.get<{ items: EventItem[] }>(`/api/events/${id}/duplicates`),
  upload: (id: number, file: File) =>
    request<Attachment>('POST', `/api/events/${id}/attachments`, {
      body: file,
      query: { name: file.name },
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  categories: () => api.get<{ items: Category[] }>('/api/event-categories'),
  deadlines: (code: string, from: string) =>
    api.get<{ stages: StageDeadline[] }>(`/api/event-categories/${encodeURIComponent(code)}/deadlines`, { from }),
  region: (code: string) => api.get<Region & { ancestors?: Region[] }>(`/api/regions/${code}`),
  children: (code: string) => api.get<Page<Region>>(`/api/regions/${code}/children`, { limit: 1000 }),
  searchRegions: (q: string) => api.get<{ items: Region[] }>('/api/regions', { q, limit: 30 }),
  users: (query: Query) => api.get<Page<UserAccount>>('/api/users', query),
  departments: () => api.get<{ items: Pick<UserAccount, 'id' | 'username' | 'display_name'>[] }>('/api/departments'),
}

// Categories change rarely: one load per page visit is shared by the list and the event page.
let categoryLoad: Promise<Category[]> | null = null
export function loadCategories(): Promise<Category[]> {
  categoryLoad ??= eventsApi.categories().then(
    (page) => page.items,
    (error) => {
      categoryLoad = null
      throw error
    },
  )
  return categoryLoad
}
