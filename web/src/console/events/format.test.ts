import { describe, expect, it } from 'vitest'
import { formatDuration, formatTime, remainingOf } from './format'

const NOW = Date.parse('2026-12-03T12:00:00Z')
const due = (minutes: number, extra: Partial<{ warning: boolean; overdue: boolean }> = {}) => ({
  due_at: new Date(NOW + minutes * 60000).toISOString(),
  remaining_minutes: minutes,
  warning: false,
  overdue: false,
  ...extra,
})

describe('formatDuration', () => {
  it('shows minutes under an hour, hours and minutes under a day, days and hours beyond', () => {
    expect(formatDuration(45, 'zh-CN')).toBe('45分钟')
    expect(formatDuration(0, 'zh-CN')).toBe('0分钟')
    expect(formatDuration(185, 'zh-CN')).toBe('3小时5分钟')
    expect(formatDuration(120, 'zh-CN')).toBe('2小时')
    expect(formatDuration(1440 * 2 + 190, 'zh-CN')).toBe('2天3小时')
    expect(formatDuration(1440, 'zh-CN')).toBe('1天')
    expect(formatDuration(185, 'en')).toBe('3h 5m')
  })
  it('ignores the sign', () => {
    expect(formatDuration(-90, 'zh-CN')).toBe('1小时30分钟')
  })
})

describe('remainingOf', () => {
  it('counts down from due_at against now', () => {
    expect(remainingOf(due(90), NOW, 'zh-CN')).toEqual({ text: '剩余 1小时30分钟', tone: 'normal', minutes: 90 })
    // 30 minutes later the same event shows less time, without a reload
    expect(remainingOf(due(90), NOW + 30 * 60000, 'zh-CN').text).toBe('剩余 1小时')
  })
  it('is amber when the server says the warning share has passed', () => {
    expect(remainingOf(due(20, { warning: true }), NOW, 'zh-CN').tone).toBe('warning')
  })
  it('is red and says how late once past due', () => {
    const r = remainingOf(due(-75, { overdue: true }), NOW, 'zh-CN')
    expect(r.tone).toBe('overdue')
    expect(r.text).toBe('超时 1小时15分钟')
    // a due time passing while the page is open turns red too
    expect(remainingOf(due(10), NOW + 11 * 60000, 'en')).toMatchObject({ tone: 'overdue', text: 'Overdue 1m' })
  })
  it('shows nothing running for finished or shelved events', () => {
    expect(remainingOf({ due_at: null, remaining_minutes: null, warning: false, overdue: false }, NOW, 'zh-CN')).toEqual({ text: '—', tone: 'none', minutes: null })
    expect(remainingOf({ ...due(30), remaining_minutes: null }, NOW, 'zh-CN').tone).toBe('none')
  })
})

describe('formatTime', () => {
  it('shows Beijing time', () => {
    expect(formatTime('2026-12-04T06:30:00.000Z')).toBe('2026-12-04 14:30')
    expect(formatTime(null)).toBe('—')
  })
})
