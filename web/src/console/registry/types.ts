// The registry's records as /api/people, /api/households and /api/housing answer them
// (src/registry/*_handlers.cpp). ID numbers and phones arrive masked.

export interface PersonGroup {
  id: number
  person_id: number
  type_code: string
  concern_level: string
  verification: string
  started_on: string
  ended_on: string | null
  end_reason: string
  details?: Record<string, unknown>
}

export interface Person {
  id: number
  name: string
  name_initials: string
  id_number: string
  birth_date: string | null
  age: number | null
  sex: string
  phone: string
  ethnicity: string
  hukou_address: string
  hukou_code: string | null
  residence_code: string
  residence_address: string
  residence_type: string
  employment: string
  education: string
  political_status: string
  photo_ref: string
  status: string
  version: number
  created_at: string
  updated_at: string
  current_groups?: string[]
  groups?: PersonGroup[]
  household?: { household_id: number; relation: string } | null
}

export interface PersonEvent {
  id: number
  kind: string
  occurred_on: string
  from_code: string | null
  to_code: string | null
  place: string
  note: string
  recorded_by: string
  recorded_at: string
}

export interface ChangeRecord {
  id: number
  field: string
  old: string | null
  new: string | null
  actor: string
  at: string
}

export interface PersonHistory {
  events: PersonEvent[]
  changes: ChangeRecord[]
}

export interface GroupType {
  code: string
  name: string
  name_en: string
  category: string
  sensitivity: 'normal' | 'sensitive' | 'restricted'
  active: boolean
  sort_order: number
}

export interface HouseholdMember {
  person_id: number
  name: string
  id_number: string
  relation: string
  joined_on: string
  left_on: string | null
  left_reason: string
  person_status: string
}

export interface Household {
  id: number
  number: string
  kind: string
  dwelling_code: string
  dwelling_address: string
  head_person_id: number | null
  head_name: string
  status: string
  note: string
  version: number
  member_count?: number
  members?: HouseholdMember[]
  past_members?: HouseholdMember[]
}

export interface Housing {
  dwelling_code: string
  address: string
  area_m2: number | null
  use: string
  ownership: string
  occupancy: string
  certificate_number: string
  parties: { id: number; role: string; person_id: number | null; party_name: string; share_percent: number | null }[]
}

export interface RegionNode {
  code: string
  name: string
  short_name?: string
  level: number
  kind: string
  child_count?: number
}

export interface ImportReport {
  rows: number
  imported: number
  group_memberships?: number
  members?: number
  dry_run: boolean
  columns: Record<string, string>
  ignored_columns: string[]
}

export type ImportKind = 'people' | 'households' | 'housing' | 'vehicles'
