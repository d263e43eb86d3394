// The region tree, grids and pairings as the server sends them (src/regions/*_handlers.cpp).
import { api, type Page } from '@/shared/api'

export interface Region {
  code: string
  parent_code: string | null
  level: number
  kind: string
  name: string
  short_name: string
  status: 'active' | 'retired'
  source: 'national' | 'local'
  floor: number | null
  latitude: number | null
  longitude: number | null
  valid_from?: string
  valid_to?: string | null
}

export interface RegionView extends Region {
  ancestors: { code: string; name: string; short_name?: string; level: number }[]
  address: string
  child_count: number
}

export interface GridMember {
  id: number
  grid_id: number
  user_id: number | null
  name: string
  role: string
  organisation: string
  started_at: string
  ended_at: string | null
  end_reason: string
}

export interface Grid {
  id: number
  code: string
  community_code: string
  parent_id: number | null
  level: number
  name: string
  kind: 'comprehensive' | 'dedicated'
  status: string
  nodes: string[]
  members: GridMember[]
  created_at: string
  updated_at: string
}

export interface Pairing {
  id: number
  kind: 'unit_compound' | 'cadre_household'
  unit_name: string
  cadre_user_id: number | null
  cadre_name: string
  region_code: string
  started_at: string
  ended_at: string | null
  end_reason: string
}

export interface NewRegion {
  number?: number
  name?: string
  floor?: number
}

export interface NewMember {
  role: string
  name?: string
  user_id?: number
  organisation?: string
  started_at?: string
}

export interface NewPairing {
  kind: Pairing['kind']
  unit_name: string
  region_code: string
  cadre_user_id?: number
  cadre_name?: string
}

export const regionApi = {
  get: (code: string) => api.get<RegionView>(`/api/regions/${encodeURIComponent(code)}`),
  children: (code: string, limit = 100, offset = 0) =>
    api.get<Page<Region>>(`/api/regions/${encodeURIComponent(code)}/children`, { limit, offset }),
  search: (q: string, level?: number, limit = 20) => api.get<Page<Region>>('/api/regions', { q, level, limit }),
  addChild: (code: string, body: NewRegion) =>
    api.post<RegionView>(`/api/regions/${encodeURIComponent(code)}/children`, body),
  update: (code: string, body: Partial<Pick<Region, 'name' | 'short_name' | 'floor'>>) =>
    api.patch<RegionView>(`/api/regions/${encodeURIComponent(code)}`, body),
  remove: (code: string) => api.delete(`/api/regions/${encodeURIComponent(code)}`),

  grids: (community: string) => api.get<{ items: Grid[] }>(`/api/regions/${encodeURIComponent(community)}/grids`),
  grid: (id: number, history = false) => api.get<Grid>(`/api/grids/${id}`, { history: history || undefined }),
  createGrid: (body: { community_code: string; parent_id?: number; name: string; kind: string; nodes: string[] }) =>
    api.post<Grid>('/api/grids', body),
  updateGrid: (id: number, body: { name?: string; kind?: string; nodes?: string[] }) =>
    api.patch<Grid>(`/api/grids/${id}`, body),
  addMember: (gridId: number, body: NewMember) => api.post<GridMember>(`/api/grids/${gridId}/members`, body),
  endMember: (gridId: number, memberId: number, reason: string) =>
    api.post<GridMember>(`/api/grids/${gridId}/members/${memberId}/end`, { reason }),

  pairings: (code: string, history = false) =>
    api.get<{ items: Pairing[] }>(`/api/regions/${encodeURIComponent(code)}/pairings`, {
      history: history || undefined,
    }),
  assignPairing: (body: NewPairing) => api.post<Pairing>('/api/pairings', body),
  endPairing: (id: number, reason: string) => api.post<Pairing>(`/api/pairings/${id}/end`, { reason }),
}

export interface UserSummary {
  id: number
  username: string
  display_name: string
  role: string
  scopes: string[]
  disabled: boolean
}

export const findUsers = (q: string, limit = 20) => api.get<Page<UserSummary>>('/api/users', { q, limit })
