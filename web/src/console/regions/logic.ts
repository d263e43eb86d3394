// Rules of the region tree and grids the screens follow: which nodes a user may extend or edit,
// how grids nest, in what order a membership is re-linked.
import type { Grid, GridMember, Region, RegionView } from './api'

export const LEVEL = { province: 1, city: 2, county: 3, town: 4, community: 5, compound: 6, building: 7, unit: 8, dwelling: 9 } as const

// Lengths of the significant prefix of a 12-digit national code at levels 1-5.
const NATIONAL_LENGTHS = [2, 4, 6, 9, 12]

// The part of a code its subtree shares: 610921103002 → itself, 610921000000 → 610921.
export function significantPrefix(code: string): string {
  if (code.length !== 12) return code
  for (const length of NATIONAL_LENGTHS) {
    if (/^0*$/.test(code.slice(length))) return code.slice(0, length)
  }
  return code
}

export function scopeContains(scope: string, code: string): boolean {
  return code.startsWith(significantPrefix(scope))
}

export interface ScopeHolder {
  national: boolean
  scopes: string[]
  permissions: string[]
}

export function inScope(me: ScopeHolder | null, code: string): boolean {
  if (!me) return false
  return me.national || me.scopes.some((scope) => scopeContains(scope, code))
}

// Communities keep compounds, buildings, units and dwellings below them: the server accepts a new
// child below levels 5 to 8 only, inside one's scope.
export function childLevel(level: number): number | null {
  return level >= LEVEL.community && level < LEVEL.dwelling ? level + 1 : null
}

export function canAddChild(me: ScopeHolder | null, node: Region): boolean {
  return (
    !!me &&
    me.permissions.includes('regions.manage') &&
    node.status === 'active' &&
    childLevel(node.level) !== null &&
    inScope(me, node.code)
  )
}

// Nodes below a community are the community's own; national ones only an administrator reclassifies.
export function canEditNode(me: ScopeHolder | null, node: Region): boolean {
  if (!me || !me.permissions.includes('regions.manage') || !inScope(me, node.code)) return false
  return node.level > LEVEL.community || me.national
}

export function canDeleteNode(me: ScopeHolder | null, node: Region): boolean {
  return !!me && me.permissions.includes('regions.manage') && node.level > LEVEL.community && inScope(me, node.code)
}

// A compound needs a name; buildings, units and dwellings get one from their number (3栋, 2单元, 501室).
export function childNeedsName(parentLevel: number): boolean {
  return childLevel(parentLevel) === LEVEL.compound
}

export function childHasFloor(parentLevel: number): boolean {
  return childLevel(parentLevel) === LEVEL.dwelling
}

// What a new child's fields become in the request: empty inputs are left out so the server picks
// the next free number and the default name.
export function newChildBody(form: { number?: number | null; name?: string; floor?: number | null }) {
  const body: { number?: number; name?: string; floor?: number } = {}
  if (form.number !== null && form.number !== undefined && !Number.isNaN(form.number)) body.number = form.number
  if (form.name && form.name.trim()) body.name = form.name.trim()
  if (form.floor !== null && form.floor !== undefined && !Number.isNaN(form.floor)) body.floor = form.floor
  return body
}

// With a national scope there is no one root to start from; the provinces are found by the
// endings of their names (省, 市 for 北京市 …, 区 for 自治区 and 特别行政区).
export const NATIONAL_ROOT_QUERIES = ['省', '市', '区']

export function uniqueByCode<T extends { code: string }>(items: T[]): T[] {
  const seen = new Set<string>()
  return items
    .filter((item) => (seen.has(item.code) ? false : (seen.add(item.code), true)))
    .sort((a, b) => a.code.localeCompare(b.code))
}

export interface GridNode extends Grid {
  children: GridNode[]
}

// The grids of a community as their tree: one first-level grid, second-level grids inside it,
// third-level ones inside those. A grid whose parent is not in the list (retired, or outside the
// user's view) is shown at the top rather than lost.
export function buildGridTree(grids: Grid[]): GridNode[] {
  const byId = new Map<number, GridNode>()
  for (const grid of grids) byId.set(grid.id, { ...grid, children: [] })
  const roots: GridNode[] = []
  for (const node of byId.values()) {
    const parent = node.parent_id !== null ? byId.get(node.parent_id) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (nodes: GridNode[]) => {
    nodes.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code))
    nodes.forEach((n) => sort(n.children))
  }
  sort(roots)
  return roots
}

export const GRID_ROLES = [
  'grid_leader',
  'full_time',
  'part_time',
  'paired_cadre',
  'building_leader',
  'household_leader',
  'central_household',
  'party_member_household',
] as const

// Current duties first (网格长 before the others), then the ended ones, latest ended first.
export function sortMembers(members: GridMember[]): GridMember[] {
  const rank = (role: string) => {
    const i = GRID_ROLES.indexOf(role as (typeof GRID_ROLES)[number])
    return i < 0 ? GRID_ROLES.length : i
  }
  return [...members].sort((a, b) => {
    if (!a.ended_at !== !b.ended_at) return a.ended_at ? 1 : -1
    if (a.ended_at && b.ended_at) return b.ended_at.localeCompare(a.ended_at)
    return rank(a.role) - rank(b.role) || a.started_at.localeCompare(b.started_at)
  })
}

export interface MemberForm {
  role: string
  name: string
  user_id?: number | null
  organisation: string
  started_at?: string // YYYY-MM-DD from the date picker, or empty for now
}

export function memberError(form: MemberForm):
  | 'role'
  | 'name'
  | 'organisation'
  | null {
  if (!form.role) return 'role'
  if (!form.name.trim() && !form.user_id) return 'name'
  if (form.role === 'paired_cadre' && !form.organisation.trim()) return 'organisation'
  return null
}

// A day picked on the form starts at local midnight: sent as a bare date the server would read it
// as UTC midnight, which in China before 08:00 is still "in the future".
export function localDayStart(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return undefined
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toISOString()
}

// The request for a new duty: an account alone gives the name; empty fields are left out.
export function memberBody(form: MemberForm): { role: string; user_id?: number; name?: string; organisation?: string; started_at?: string } {
  const body: { role: string; user_id?: number; name?: string; organisation?: string; started_at?: string } = { role: form.role }
  if (form.user_id) body.user_id = form.user_id
  if (form.name.trim()) body.name = form.name.trim()
  if (form.organisation.trim()) body.organisation = form.organisation.trim()
  const started = form.started_at ? localDayStart(form.started_at) : undefined
  if (started) body.started_at = started
  return body
}

// What an edit of a grid changes; the nodes count as changed only when the set differs.
export function gridEditBody(
  grid: Pick<Grid, 'name' | 'kind' | 'nodes'>,
  form: { name: string; kind: string; nodes: string[] },
): { name?: string; kind?: string; nodes?: string[] } {
  const body: { name?: string; kind?: string; nodes?: string[] } = {}
  if (form.name.trim() !== grid.name) body.name = form.name.trim()
  if (form.kind !== grid.kind) body.kind = form.kind
  const before = [...new Set(grid.nodes)].sort()
  const after = [...new Set(form.nodes)].sort()
  if (before.join(',') !== after.join(',')) body.nodes = after
  return body
}

// The request for a new pairing: a unit pairing names no cadre.
export function pairingBody(form: { kind: 'unit_compound' | 'cadre_household'; unit_name: string; cadre_name: string; cadre_user_id?: number | null; region_code: string }) {
  const body: { kind: 'unit_compound' | 'cadre_household'; unit_name: string; region_code: string; cadre_name?: string; cadre_user_id?: number } = {
    kind: form.kind,
    unit_name: form.unit_name.trim(),
    region_code: form.region_code,
  }
  if (form.kind === 'cadre_household') {
    if (form.cadre_name.trim()) body.cadre_name = form.cadre_name.trim()
    if (form.cadre_user_id) body.cadre_user_id = form.cadre_user_id
  }
  return body
}

// Which node a pairing is held at: a unit pairs with a compound, a cadre with a household's dwelling.
export function pairingLevel(kind: string): number {
  return kind === 'unit_compound' ? LEVEL.compound : LEVEL.dwelling
}

// The community a user works in when their scope names one (or nodes inside one): community
// staff need not pick it. Codes below a community start with its 12 digits.
export function defaultCommunity(scopes: string[]): string | null {
  for (const scope of scopes) {
    if (scope.length > 12) return scope.slice(0, 12)
    if (scope.length === 12 && significantPrefix(scope).length === 12) return scope
  }
  return null
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export function formatDate(iso: string | null | undefined): string {
  return formatTime(iso).slice(0, 10)
}

// One entry of the tree on the left: the name used in addresses, and whether it can open.
export interface TreeItem {
  code: string
  label: string
  level: number
  leaf: boolean
  retired: boolean
}

export function treeItem(region: Region): TreeItem {
  return {
    code: region.code,
    label: region.short_name || region.name,
    level: region.level,
    leaf: region.level >= LEVEL.dwelling,
    retired: region.status !== 'active',
  }
}

// Children in the order people walk them: by code, which is by number (1栋 before 10栋), with
// retired nodes last.
export function sortChildren<T extends Region>(children: T[]): T[] {
  return [...children].sort(
    (a, b) => Number(a.status !== 'active') - Number(b.status !== 'active') || a.code.localeCompare(b.code),
  )
}

export interface Crumb {
  code: string
  label: string
  link: boolean
}

// The path from the top of the tree to the node, each step a crumb. Steps outside the user's scope
// (the province … town above a community's staff) are plain text: they read as the address but
// lead nowhere the tree on the left can show.
export function breadcrumbs(view: RegionView, me: ScopeHolder | null): Crumb[] {
  const steps = [...view.ancestors.map((a) => ({ code: a.code, label: a.short_name || a.name })), { code: view.code, label: view.short_name || view.name }]
  return steps.map((step, i) => ({
    code: step.code,
    label: step.label,
    link: i < steps.length - 1 && inScope(me, step.code),
  }))
}

// The codes to open, top first, to show a node in a tree whose roots are `roots`: the ancestors
// from the first root found on the way down, then the node itself.
export function pathFromRoots(view: RegionView, roots: string[]): string[] {
  const path = [...view.ancestors.map((a) => a.code), view.code]
  const start = path.findIndex((code) => roots.includes(code))
  return start < 0 ? [] : path.slice(start)
}

// The address of a node below a community without the part every user of that community shares.
// The server writes the national part (province … community) as one word and the local steps
// after it, each after a space: "陕西省…兴隆佳苑社区 兴隆佳苑小区 3栋 2单元 501室" → "兴隆佳苑小区 3栋 2单元 501室".
export function localAddress(view: Pick<RegionView, 'address' | 'level'>): string {
  const cut = view.address.indexOf(' ')
  if (view.level <= LEVEL.community || cut < 0) return view.address
  return view.address.slice(cut + 1)
}

// The fields of an edit that changed, as the PATCH body. National nodes (levels 1-5) keep their
// official name and floor: only the short name and the kind may change, by an administrator.
export function editBody(
  node: Pick<Region, 'level' | 'name' | 'short_name' | 'kind' | 'floor'>,
  form: { name: string; short_name: string; kind: string; floor: number | null | undefined },
): Partial<Pick<Region, 'name' | 'short_name' | 'kind' | 'floor'>> {
  const body: Partial<Pick<Region, 'name' | 'short_name' | 'kind' | 'floor'>> = {}
  const national = node.level <= LEVEL.community
  const name = form.name.trim()
  const shortName = form.short_name.trim()
  if (!national && name !== node.name) body.name = name
  // Left as it was, a local node's short name follows a new name (the server does that).
  if (shortName !== node.short_name) body.short_name = shortName
  if (national && form.kind.trim() !== node.kind) body.kind = form.kind.trim()
  if (!national && form.floor !== null && form.floor !== undefined && form.floor !== node.floor) body.floor = form.floor
  return body
}
