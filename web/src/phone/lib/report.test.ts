import { describe, it, expect } from 'vitest'
import { buildReportPayload, checkReport, defaultTitle, type ReportForm } from './report'

const base: ReportForm = {
  categoryCode: 'environment.exposed_garbage', categoryName: '暴露垃圾', regionCode: '610921103002001001',
  regionName: '1栋', title: '', description: '  楼下垃圾堆放  ', coordinates: null,
}

describe('buildReportPayload', () => {
  it('fills the title from category and place when none is typed', () => {
    expect(buildReportPayload(base, true)).toEqual({
      category_code: 'environment.exposed_garbage', region_code: '610921103002001001', title: '暴露垃圾 · 1栋',
      description: '楼下垃圾堆放', source: 'patrol',
    })
  })

  it('keeps a typed title, adds coordinates rounded to 6 places and leaves source to the server for residents', () => {
    const payload = buildReportPayload(
      { ...base, title: ' 垃圾满了 ', description: '', coordinates: { latitude: 32.8912345678, longitude: 108.5123456789 }, anonymous: true },
      false,
    )
    expect(payload).toEqual({
      category_code: 'environment.exposed_garbage', region_code: '610921103002001001', title: '垃圾满了',
      latitude: 32.891235, longitude: 108.512346, anonymous: true,
    })
    expect(payload).not.toHaveProperty('source')
    expect(payload).not.toHaveProperty('description')
  })

  it('cuts a long default title to 100 characters', () => {
    expect(defaultTitle({ categoryName: '甲'.repeat(80), regionName: '乙'.repeat(40) })).toHaveLength(100)
  })
})

describe('checkReport', () => {
  it('names the server fields that are missing', () => {
    const errors = checkReport(buildReportPayload({ ...base, categoryCode: '', categoryName: '', regionCode: '', regionName: '' }, true))
    expect(Object.keys(errors).sort()).toEqual(['category_code', 'region_code', 'title'])
    expect(errors.category_code).toBe('请选择事件类别')
  })

  it('accepts a complete report and counts characters, not bytes', () => {
    expect(checkReport(buildReportPayload(base, true))).toEqual({})
    expect(checkReport(buildReportPayload({ ...base, description: '字'.repeat(2000) }, true))).toEqual({})
    expect(checkReport(buildReportPayload({ ...base, description: '字'.repeat(2001) }, true), 'en').description).toBe('At most 2000 characters.')
  })
})
