// Places for reports and the household lists: region nodes (src/regions) and the grids a worker serves.
import { api, type Page } from '@/shared/api'

export interface RegionNode {
  code: string
  parent_code: string | null
  level: number
  kind: string
  name: string
  short_name?: string
  child_count?: number
  address?: string
}

export interface GridMember {
  id: number
  user_id: number | null
  name: string
  role: string
}

export interface Grid {
  id: number
  code: string
  community_code: string
  parent_id: number | null
  level: number
  name: string
  nodes: string[]
  members: GridMember[]
}

export const placesApi = {
  node: (code: string) => api.get<RegionNode>(`/api/regions/${code}`),
  children: (code: string) => api.get<Page<RegionNode>>(`/api/regions/${code}/children`, { limit: 500 }),
  grids: (community: string) => api.get<{ items: Grid[] }>(`/api/regions/${community}/grids`),
}

// A community's code is the first 12 digits of any place inside it.
export function communityOf(code: string): string {
  return code.slice(0, 12)
}

export function nodeName(node: RegionNode): string {
  return node.short_name || node.name
}

// The grids the user serves in (a membership tied to their account), from the communities of their scope.
export async function myGrids(scopes: string[], userId: number): Promise<Grid[]> {
  const communities = [...new Set(scopes.filter((s) => s.length >= 12).map(communityOf))]
  const lists = await Promise.all(communities.map((c) => placesApi.grids(c).then((r) => r.items)))
  return lists.flat().filter((g) => g.members.some((m) => m.user_id === userId))
}

// Cache of names for region codes seen on screen (event places).
const names = new Map<string, Promise<string>>()
export function placeName(code: string): Promise<string> {
  if (!names.has(code)) {
    names.set(
      code,
      placesApi.node(code).then(
        (n) => (n.address ? n.address.split(' ').slice(1).join(' ') || nodeName(n) : nodeName(n)),
        () => code,
      ),
    )
  }
  return names.get(code)!
}
