import { beforeEach, describe, expect, it, vi } from 'vitest'

const get = vi.fn()
vi.mock('@/shared/api', () => ({ api: { get: (...args: unknown[]) => get(...args) } }))

const load = await import('./load')

beforeEach(() => get.mockReset())

describe('counts from list totals', () => {
  it('asks for one row and keeps the region filter off for the national root', async () => {
    get.mockResolvedValue({ items: [], total: 7, limit: 1, offset: 0 })
    expect(await load.eventHeadline('')).toEqual({ open: 7, overdue: 7 })
    expect(get).toHaveBeenCalledWith('/api/events', { state: 'open', limit: 1 })
    await load.registryHeadline('610921103002')
    expect(get).toHaveBeenCalledWith('/api/people', { region: '610921103002', status: 'living', limit: 1 })
    expect(get).toHaveBeenCalledWith('/api/households', { region: '610921103002', limit: 1 })
  })

  it('leaves out a key group the caller may not read instead of failing the figure', async () => {
    get.mockImplementation((...a: unknown[]) => {
      const query = (a[1] ?? {}) as { group_type?: string }
      return query.group_type === 'community_correction'
        ? Promise.reject(new Error('forbidden'))
        : Promise.resolve({ items: [], total: query.group_type === 'veteran' ? 3 : 0 })
    })
    const counts = await load.keyGroupCounts('610921000000', [
      { code: 'veteran', name: '退役军人', active: true },
      { code: 'community_correction', name: '社区矫正对象', active: true },
    ])
    expect(counts).toEqual({ veteran: 3 })
  })

  it('asks children only about the key groups the node has members of', async () => {
    get.mockResolvedValue({ items: [], total: 1 })
    const types = [
      { code: 'veteran', name: '退役军人', active: true },
      { code: 'disabled', name: '残疾人', active: true },
    ]
    const result = await load.keyGroupsByChild([{ code: 'a', name: 'A', level: 5 }], types, { veteran: 2, disabled: 0 })
    expect(result).toEqual({ a: { veteran: 1 } })
    expect(get).toHaveBeenCalledTimes(1)
  })
})

describe('the trend', () => {
  it('counts each day by its report window, as the list its point opens', async () => {
    get.mockImplementation((_path: string, query: { from?: string } = {}) =>
      Promise.resolve({ items: [], total: query.from === new Date(2026, 11, 2).toISOString() ? 4 : 0 }),
    )
    expect(await load.dailyReports('610921103002', ['2026-12-01', '2026-12-02'])).toEqual([0, 4])
    expect(get).toHaveBeenCalledWith('/api/events', {
      region: '610921103002',
      from: new Date(2026, 11, 2).toISOString(),
      to: new Date(2026, 11, 3).toISOString(),
      limit: 1,
    })
    expect(get).toHaveBeenCalledTimes(2)
  })
})
