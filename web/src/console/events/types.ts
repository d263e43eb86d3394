// The shapes /api/events answers with (src/events/event_handlers.cpp).
export type EventState =
  | 'reported' | 'accepted' | 'dispatched' | 'in_progress' | 'resolved' | 'verified' | 'closed'
  | 'shelved' | 'rejected' | 'merged'

export type EventLevel = 'grid' | 'community' | 'street' | 'department'
export type SupervisionMark = 'normal' | 'yellow' | 'red'

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
  anonymous: boolean
  state: EventState
  state_label: string
  level: EventLevel
  department: string
  grid_id: number | null
  owner_id: number | null
  owner_name: string
  handler_id: number | null
  handler_name: string
  reported_at: string
  stage_index: number
  due_at: string | null
  remaining_minutes: number | null
  warning: boolean
  overdue: boolean
  ever_overdue: boolean
  supervision: SupervisionMark
  extension_until: string | null
  merged_into: number | null
  accepted_at: string | null
  resolved_at: string | null
  finished_at: string | null
  satisfaction: string | null
  satisfaction_comment: string
  reopen_count: number
  version: number
}

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

export interface SummonsItem {
  id: number
  department_user_id: number
  department: string
  summoned_by: string
  note: string
  summoned_at: string
  due_at: string
  checked_in_at: string | null
  response: string
  late: boolean
}

export interface Attachment {
  id: number
  timeline_id: number | null
  sha256: string
  content_type: string
  size: number
  name: string
  uploaded_by: string
  uploaded_at: string
  url: string
}

export interface EventDetail extends EventItem {
  timeline: TimelineEntry[]
  summons: SummonsItem[]
  possible_duplicates: EventItem[]
  attachments: Attachment[]
}

export interface StageLimit {
  stage: string
  label: string
  amount: number
  unit: string
}

export interface Category {
  code: string
  parent_code: string | null
  name: string
  name_en: string
  kind: string
  default_level: EventLevel
  department: string
  limits: StageLimit[]
  active: boolean
  sort_order: number
}

export interface StageDeadline extends StageLimit {
  starts_at: string
  due_at: string
}

export interface Region {
  code: string
  parent_code: string | null
  level: number
  name: string
  short_name?: string
  address?: string
  child_count?: number
}

export interface UserAccount {
  id: number
  username: string
  display_name: string
  role: string
  scopes: string[]
}
