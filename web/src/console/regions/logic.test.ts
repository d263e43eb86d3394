import { describe, expect, it } from 'vitest'
import type { Grid, GridMember, Region, RegionView } from './api'
import {
  breadcrumbs,
  buildGridTree,
  canAddChild,
  canDeleteNode,
  canEditNode,
  defaultCommunity,
  editBody,
  gridEditBody,
  inScope,
  localAddress,
  localDayStart,
  memberBody,
  memberError,
  newChildBody,
  pairingBody,
  pathFromRoots,
  significantPrefix,
  sortChildren,
  sortMembers,
  treeItem,
  uniqueByCode,
} from './logic'

const region = (code: string, level: number, extra: Partial<Region> = {}): Region => ({
  code,
  parent_code: null,
  level,
  kind: '',
  name: code,
  short_name: code,
  status: 'active',
  source: level <= 5 ? 'national' : 'local',
  floor: null,
  latitude: null,
  longitude: null,
  ...extra,
})

const community = { national: false, scopes: ['610921103002'], permissions: ['regions.manage', 'grids.manage'] }
const worker = { national: false, scopes: ['610921103002001001'], permissions: ['regions.manage'] }
const county = { national: false, scopes: ['610921000000'], permissions: ['regions.read'] }
const admin = { national: true, scopes: [], permissions: ['regions.manage'] }

const dwelling: RegionView = {
  ...region('610921103002001003002501', 9, { name: '501室', short_name: '501室', floor: 5 }),
  ancestors: [
    { code: '610000000000', name: '陕西省', level: 1 },
    { code: '610900000000', name: '安康市', level: 2 },
    { code: '610921000000', name: '汉阴县', level: 3 },
    { code: '610921103000', name: '平梁镇', level: 4 },
    { code: '610921103002', name: '兴隆佳苑社区', level: 5 },
    { code: '610921103002001', name: '兴隆佳苑小区', level: 6 },
    { code: '610921103002001003', name: '3栋', level: 7 },
    { code: '610921103002001003002', name: '2单元', level: 8 },
  ],
  address: '陕西省安康市汉阴县平梁镇兴隆佳苑社区 兴隆佳苑小区 3栋 2单元 501室',
  child_count: 0,
}

describe('scope', () => {
  it('cuts national codes to the part their subtree shares', () => {
    expect(significantPrefix('610000000000')).toBe('61')
    expect(significantPrefix('610921000000')).toBe('610921')
    expect(significantPrefix('610921103000')).toBe('610921103')
    expect(significantPrefix('610921103002')).toBe('610921103002')
    expect(significantPrefix('610921103002001003')).toBe('610921103002001003')
  })

  it('knows what lies inside a scope', () => {
    expect(inScope(county, '610921103002001')).toBe(true)
    expect(inScope(county, '610922000000')).toBe(false)
    expect(inScope(worker, '610921103002001001002')).toBe(true)
    expect(inScope(worker, '610921103002001002')).toBe(false)
    expect(inScope(admin, '110000000000')).toBe(true)
    expect(inScope(null, '610921103002')).toBe(false)
  })
})

describe('what a user may change in the tree', () => {
  const communityNode = region('610921103002', 5)
  const building = region('610921103002001003', 7)
  const unitNode = region('610921103002001001002', 8)

  it('adds below communities, compounds, buildings and units in scope only', () => {
    expect(canAddChild(community, communityNode)).toBe(true)
    expect(canAddChild(community, building)).toBe(true)
    expect(canAddChild(community, region('610921103002001003002501', 9))).toBe(false)
    expect(canAddChild(community, region('610921103000', 4))).toBe(false)
    expect(canAddChild(community, { ...building, status: 'retired' })).toBe(false)
    expect(canAddChild(worker, building)).toBe(false)
    expect(canAddChild(worker, unitNode)).toBe(true)
    expect(canAddChild(county, building)).toBe(false) // no regions.manage
  })

  it('leaves national nodes to administrators and deletes only local ones', () => {
    expect(canEditNode(community, communityNode)).toBe(false)
    expect(canEditNode(admin, communityNode)).toBe(true)
    expect(canEditNode(community, building)).toBe(true)
    expect(canDeleteNode(admin, communityNode)).toBe(false)
    expect(canDeleteNode(community, building)).toBe(true)
    expect(canDeleteNode(worker, building)).toBe(false)
  })
})

describe('request bodies', () => {
  it('leaves empty fields of a new child to the server', () => {
    expect(newChildBody({ number: undefined, name: '  ', floor: undefined })).toEqual({})
    expect(newChildBody({ number: 12, name: ' 12栋 ', floor: null })).toEqual({ number: 12, name: '12栋' })
    expect(newChildBody({ number: 501, name: '', floor: 5 })).toEqual({ number: 501, floor: 5 })
  })

  it('sends only what an edit changed, and never the official name of a national node', () => {
    const building = region('610921103002001003', 7, { name: '3栋', short_name: '3栋', kind: 'building' })
    expect(editBody(building, { name: '3栋', short_name: '3栋', kind: 'building', floor: undefined })).toEqual({})
    expect(editBody(building, { name: ' 三号楼 ', short_name: '3栋', kind: 'building', floor: undefined })).toEqual({ name: '三号楼' })
    const national = region('610921103002', 5, { name: '兴隆佳苑社区居委会', short_name: '兴隆佳苑社区', kind: 'residents_committee' })
    expect(
      editBody(national, { name: '别的名字', short_name: '兴隆佳苑', kind: 'village_committee', floor: 3 }),
    ).toEqual({ short_name: '兴隆佳苑', kind: 'village_committee' })
    const room = region('610921103002001003002501', 9, { floor: 5 })
    expect(editBody(room, { name: room.name, short_name: room.short_name, kind: '', floor: 6 })).toEqual({ floor: 6 })
  })

  it('checks a duty before sending it', () => {
    expect(memberError({ role: '', name: '张三', organisation: '' })).toBe('role')
    expect(memberError({ role: 'full_time', name: ' ', organisation: '' })).toBe('name')
    expect(memberError({ role: 'full_time', name: '', user_id: 5, organisation: '' })).toBeNull()
    expect(memberError({ role: 'paired_cadre', name: '李四', organisation: ' ' })).toBe('organisation')
  })

  it('builds a duty from the form, the start day at local midnight', () => {
    expect(memberBody({ role: 'full_time', name: '', user_id: 5, organisation: '', started_at: '' })).toEqual({
      role: 'full_time',
      user_id: 5,
    })
    const body = memberBody({ role: 'paired_cadre', name: ' 李四 ', organisation: '县住建局', started_at: '2026-03-01' })
    expect(body).toMatchObject({ role: 'paired_cadre', name: '李四', organisation: '县住建局' })
    expect(new Date(body.started_at!).getHours()).toBe(0)
    expect(new Date(body.started_at!).getDate()).toBe(1)
    expect(localDayStart('not a day')).toBeUndefined()
  })

  it('sends a grid edit only for a changed set of nodes', () => {
    const grid = { name: '第1网格', kind: 'comprehensive' as const, nodes: ['b', 'a'] }
    expect(gridEditBody(grid, { name: '第1网格', kind: 'comprehensive', nodes: ['a', 'b', 'a'] })).toEqual({})
    expect(gridEditBody(grid, { name: '第一网格', kind: 'dedicated', nodes: ['a'] })).toEqual({
      name: '第一网格',
      kind: 'dedicated',
      nodes: ['a'],
    })
  })

  it('names no cadre in a unit pairing', () => {
    const form = { unit_name: ' 县住建局 ', cadre_name: '赵六', cadre_user_id: 9, region_code: '610921103002001' }
    expect(pairingBody({ ...form, kind: 'unit_compound' })).toEqual({
      kind: 'unit_compound',
      unit_name: '县住建局',
      region_code: '610921103002001',
    })
    expect(pairingBody({ ...form, kind: 'cadre_household' })).toMatchObject({ cadre_name: '赵六', cadre_user_id: 9 })
  })
})

describe('the tree and the way to a node', () => {
  it('turns regions into tree entries, dwellings as leaves', () => {
    expect(treeItem(region('610921103002001', 6, { short_name: '兴隆佳苑小区' }))).toEqual({
      code: '610921103002001',
      label: '兴隆佳苑小区',
      level: 6,
      leaf: false,
      retired: false,
    })
    expect(treeItem(region('610921103002001003002501', 9)).leaf).toBe(true)
  })

  it('orders children by code with retired ones last', () => {
    const sorted = sortChildren([
      region('610921103002001010', 7),
      region('610921103002001002', 7, { status: 'retired' }),
      region('610921103002001001', 7),
    ])
    expect(sorted.map((r) => r.code)).toEqual(['610921103002001001', '610921103002001010', '610921103002001002'])
  })

  it('links the crumbs inside the scope only, the node itself never', () => {
    const crumbs = breadcrumbs(dwelling, community)
    expect(crumbs.map((c) => c.label).join('/')).toBe('陕西省/安康市/汉阴县/平梁镇/兴隆佳苑社区/兴隆佳苑小区/3栋/2单元/501室')
    expect(crumbs.filter((c) => c.link).map((c) => c.label)).toEqual(['兴隆佳苑社区', '兴隆佳苑小区', '3栋', '2单元'])
    expect(breadcrumbs(dwelling, admin).filter((c) => c.link)).toHaveLength(8)
  })

  it('names the crumbs by their short names where the tree has them', () => {
    const official = { ...dwelling, ancestors: dwelling.ancestors.map((a) => (a.level === 5 ? { ...a, name: '兴隆佳苑社区居委会', short_name: '兴隆佳苑社区' } : a)) }
    expect(breadcrumbs(official, community).map((c) => c.label)).toContain('兴隆佳苑社区')
    expect(breadcrumbs(official, community).map((c) => c.label)).not.toContain('兴隆佳苑社区居委会')
  })

  it('finds the way down from the first root on the path', () => {
    expect(pathFromRoots(dwelling, ['610921103002'])).toEqual([
      '610921103002',
      '610921103002001',
      '610921103002001003',
      '610921103002001003002',
      '610921103002001003002501',
    ])
    expect(pathFromRoots(dwelling, ['110000000000'])).toEqual([])
  })

  it('shortens an address to the part below the community', () => {
    expect(localAddress(dwelling)).toBe('兴隆佳苑小区 3栋 2单元 501室')
    const top = { ...dwelling, level: 5, ancestors: dwelling.ancestors.slice(0, 4), address: '陕西省安康市汉阴县平梁镇兴隆佳苑社区' }
    expect(localAddress(top)).toBe(top.address)
  })

  it('keeps one of each root', () => {
    expect(uniqueByCode([region('61', 1), region('13', 1), region('61', 1)]).map((r) => r.code)).toEqual(['13', '61'])
  })

  it('finds the community a user works in', () => {
    expect(defaultCommunity(['610921103002'])).toBe('610921103002')
    expect(defaultCommunity(['610921103002001001', '610921103002001002'])).toBe('610921103002')
    expect(defaultCommunity(['610921000000'])).toBeNull()
  })
})

describe('grids', () => {
  const grid = (id: number, level: number, parent: number | null, code: string): Grid => ({
    id,
    code,
    community_code: '610921103002',
    parent_id: parent,
    level,
    name: `g${id}`,
    kind: 'comprehensive',
    status: 'active',
    nodes: [],
    members: [],
    created_at: '',
    updated_at: '',
  })

  it('nests grids by parent, orphans at the top', () => {
    const tree = buildGridTree([
      grid(9, 2, 1, '610921103002009'),
      grid(3, 3, 2, '610921103002003'),
      grid(2, 2, 1, '610921103002002'),
      grid(1, 1, null, '610921103002001'),
      grid(40, 3, 99, '610921103002040'),
    ])
    expect(tree.map((g) => g.id)).toEqual([1, 40])
    expect(tree[0].children.map((g) => g.id)).toEqual([2, 9])
    expect(tree[0].children[0].children.map((g) => g.id)).toEqual([3])
  })

  it('lists the grid leader first and ended duties last', () => {
    const member = (id: number, role: string, started: string, ended: string | null = null): GridMember => ({
      id,
      grid_id: 1,
      user_id: null,
      name: String(id),
      role,
      organisation: '',
      started_at: started,
      ended_at: ended,
      end_reason: '',
    })
    const sorted = sortMembers([
      member(1, 'part_time', '2024-01-01'),
      member(2, 'grid_leader', '2020-01-01', '2023-01-01'),
      member(3, 'full_time', '2024-02-01'),
      member(4, 'grid_leader', '2023-01-02'),
      member(5, 'full_time', '2021-01-01', '2024-06-01'),
    ])
    expect(sorted.map((m) => m.id)).toEqual([4, 3, 1, 5, 2])
  })
})
