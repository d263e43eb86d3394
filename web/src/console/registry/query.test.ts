import { describe, expect, it } from 'vitest'
import { apiQuery, emptyFilters, filtersFromRoute, routeQuery, searchTerms } from './query'

describe('searchTerms', () => {
  it('sends a whole ID number as id_number, upper-casing the check character', () => {
    expect(searchTerms(' 61092119840101123x ')).toEqual({ id_number: '61092119840101123X' })
    expect(searchTerms('610921840101123')).toEqual({ id_number: '610921840101123' })
  })
  it('sends a mobile or a landline as phone', () => {
    expect(searchTerms('13800138000')).toEqual({ phone: '13800138000' })
    expect(searchTerms('0915-5212345')).toEqual({ phone: '09155212345' })
  })
  it('sends names, initials and partial numbers as q', () => {
    expect(searchTerms('张三')).toEqual({ q: '张三' })
    expect(searchTerms('zs')).toEqual({ q: 'zs' })
    expect(searchTerms('1380013')).toEqual({ q: '1380013' })
    expect(searchTerms('   ')).toEqual({})
  })
})

describe('apiQuery', () => {
  it('leaves defaults out and pages by offset', () => {
    const f = { ...emptyFilters(), text: '王', group_type: 'elderly_living_alone', page: 3, size: 50 }
    expect(apiQuery(f)).toEqual({
      q: '王', region: undefined, group_type: 'elderly_living_alone', sex: undefined, residence_type: undefined,
      status: undefined, age_min: undefined, age_max: undefined, sort: undefined, order: undefined, limit: 50, offset: 100,
    })
  })
  it('keeps age bounds of 0 and drops paging for an export', () => {
    const q = apiQuery({ ...emptyFilters(), age_min: 0, age_max: 14, sort: 'birth_date', order: 'desc' }, { paged: false })
    expect(q).toMatchObject({ age_min: 0, age_max: 14, sort: 'birth_date', order: 'desc' })
    expect(q).not.toHaveProperty('limit')
    expect(q).not.toHaveProperty('offset')
  })
})

describe('route query', () => {
  it('round-trips the filters through the address bar', () => {
    const f = { ...emptyFilters(), text: '李', region: '610921103002', status: 'living', age_min: 60, page: 2, size: 50 }
    expect(filtersFromRoute(routeQuery(f))).toEqual(f)
  })
  it('writes nothing for the defaults', () => {
    expect(routeQuery(emptyFilters())).toEqual({})
  })
  it('reads the dashboard drill-down names and ignores junk', () => {
    const f = filtersFromRoute({ region: '610921103002', group_type: 'disabled', page: 'x', size: '7', sort: 'drop', age_max: '200' })
    expect(f.region).toBe('610921103002')
    expect(f.group_type).toBe('disabled')
    expect(f.page).toBe(1)
    expect(f.size).toBe(20)
    expect(f.sort).toBe('name')
    expect(f.age_max).toBeNull()
    expect(filtersFromRoute({ id_number: '610921198411107373' }).text).toBe('610921198411107373')
  })
})
