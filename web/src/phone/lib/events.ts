// The events API as the phone pages use it: shapes from src/events/event_handlers.cpp.
import { api, request, type Page, type Query } from '@/shared/api'

export interface TimelineEntry {
  id: number
  at: string
  actor: string
  action: string
  from_state: string | null
  to_state: string
  note: string
  detail: Record<string, unknown>
}

export interface Attachment {
  id: number
  timeline_id: number | null
  content_type: string
  size: number
  name: string
  uploaded_by: string
  uploaded_at: string
  url: string
}

export interface EventItem {
  id: number
  reference: string
  category_code: string
  region_code: string
  latitude: number | null
  longitude: number | null
  title: string
  description: string
  source: string
  reporter_name: string
  state: string
  state_label: string
  level: string
  owner_id: number | null
  owner_name: string
  handler_id: number | null
  handler_name: string
  reported_at: string
  due_at: string | null
  remaining_minutes: number | null
  warning: boolean
  overdue: boolean
  supervision: 'normal' | 'yellow' | 'red'
  finished_at: string | null
  satisfaction: string | null
  satisfaction_comment: string
  reopen_count: number
  version: number
}

export interface EventView extends EventItem {
  timeline: TimelineEntry[]
  attachments: Attachment[]
}

export interface Category {
  code: string
  parent_code: string | null
  name: string
  name_en: string
  default_level: string
  active: boolean
  sort_order: number
}

export interface StepBody {
  note?: string
  version?: number
  assignee_id?: number
  attachment_ids?: number[]
  [key: string]: unknown
}

export const eventsApi = {
  list: (query: Query) => api.get<Page<EventItem>>('/api/events', query),
  get: (id: number) => api.get<EventView>(`/api/events/${id}`),
  report: (body: unknown) => api.post<EventView>('/api/events', body),
  step: (id: number, action: string, body: StepBody) => api.post<EventView>(`/api/events/${id}/${action}`, body),
  categories: () => api.get<{ items: Category[] }>('/api/event-categories'),
  // The file is the body itself, typed by its Content-Type (JPEG, PNG, WebP, PDF, MP4).
  upload: (id: number, file: File) =>
    request<Attachment>('POST', `/api/events/${id}/attachments`, {
      body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      query: { name: file.name.slice(0, 200) },
    }),
}

export interface CategoryOption {
  text: string
  value: string
  children?: CategoryOption[]
}

// The category tree for the picker: classes with their active categories, in the server's order.
export function categoryTree(categories: Category[], locale = 'zh-CN'): CategoryOption[] {
  const en = locale.startsWith('en')
  const name = (c: Category) => (en && c.name_en ? c.name_en : c.name)
  const active = categories.filter((c) => c.active).sort((a, b) => a.sort_order - b.sort_order)
  return active
    .filter((c) => !c.parent_code)
    .map((root) => ({
      text: name(root),
      value: root.code,
      children: active.filter((c) => c.parent_code === root.code).map((c) => ({ text: name(c), value: c.code })),
    }))
    .filter((root) => root.children.length > 0)
}

// Categories change rarely: one request per page load serves every screen.
let categoriesOnce: Promise<Category[]> | null = null
export function loadCategories(): Promise<Category[]> {
  categoriesOnce ??= eventsApi.categories().then(
    (r) => r.items,
    (e) => {
      categoriesOnce = null
      throw e
    },
  )
  return categoriesOnce
}
