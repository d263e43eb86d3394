import { describe, expect, it } from 'vitest'
import {
  apiQuery,
  back,
  current,
  detailRows,
  emptyFilters,
  filtersFromRoute,
  firstPage,
  forward,
  isChange,
  routeQuery,
} from './query'

describe('audit filters', () => {
  it('reads the address, dropping what the API would refuse', () => {
    const f = filtersFromRoute({
      actor: ' community ',
      action: 'regions.create',
      result: 'maybe',
      from: '2026-12-01T00:00:00+08:00',
      to: 'yesterday',
      size: '37',
    })
    expect(f.actor).toBe('community')
    expect(f.action).toBe('regions.create')
    expect(f.result).toBe('')
    expect(f.from).toBe('2026-11-30T16:00:00.000Z')
    expect(f.to).toBe('')
    expect(f.size).toBe(50)
    expect(filtersFromRoute({ result: 'denied', size: '100' })).toMatchObject({ result: 'denied', size: 100 })
  })

  it('writes only what differs from an empty search, and reads it back the same', () => {
    expect(routeQuery(emptyFilters())).toEqual({})
    const f = { ...emptyFilters(), actor: 'admin', object_type: 'region', result: 'success' as const, size: 20 }
    const query = routeQuery(f)
    expect(query).toEqual({ actor: 'admin', object_type: 'region', result: 'success', size: '20' })
    expect(filtersFromRoute(query)).toEqual(f)
  })

  it('asks the API for one page from a cursor', () => {
    const f = { ...emptyFilters(), actor: ' community ', from: '2026-12-01T00:00:00.000Z' }
    expect(apiQuery(f)).toEqual({
      actor: 'community',
      action: undefined,
      object_type: undefined,
      object_id: undefined,
      result: undefined,
      from: '2026-12-01T00:00:00.000Z',
      to: undefined,
      before_id: undefined,
      limit: 50,
    })
    expect(apiQuery(f, 2100).before_id).toBe(2100)
  })
})

describe('cursor pages', () => {
  it('goes older by the cursor the page gave, and back the way it came', () => {
    let pages = firstPage()
    expect(current(pages)).toBeNull()
    expect(forward(pages)).toBe(pages) // no next page yet
    pages = forward({ ...pages, next: 2051 })
    expect(current(pages)).toBe(2051)
    pages = forward({ ...pages, next: 2001 })
    expect(pages.cursors).toEqual([null, 2051, 2001])
    pages = back(pages)
    expect(current(pages)).toBe(2051)
    expect(back(back(pages))).toEqual({ cursors: [null], next: null })
  })
})

describe('entry detail', () => {
  it('shows changes as before and after', () => {
    expect(isChange('regions.update')).toBe(true)
    expect(isChange('accounts.update_user')).toBe(true)
    expect(isChange('regions.create')).toBe(false)
    expect(detailRows({ name: ['3栋', '三号楼'], floor: [null, 5] }, true)).toEqual([
      { key: 'name', value: '3栋 → 三号楼', before: '3栋', after: '三号楼' },
      { key: 'floor', value: '— → 5', before: '—', after: '5' },
    ])
  })

  it('shows other details as values', () => {
    expect(detailRows({ name: '12栋', parent: '610921103002001', nodes: ['a', 'b'] })).toEqual([
      { key: 'name', value: '12栋' },
      { key: 'parent', value: '610921103002001' },
      { key: 'nodes', value: '["a","b"]' },
    ])
    expect(detailRows(null)).toEqual([])
    expect(detailRows([1, 2])).toEqual([])
  })
})
