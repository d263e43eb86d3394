import { describe, it, expect } from 'vitest'
import { formatRemaining, minutesUntil, formatTime } from './time'

describe('formatRemaining', () => {
  it('counts down in Chinese with days, hours and minutes', () => {
    expect(formatRemaining(45)).toEqual({ text: '剩余 45分钟', overdue: false, urgent: true })
    expect(formatRemaining(125)?.text).toBe('剩余 2小时5分')
    expect(formatRemaining(120)?.text).toBe('剩余 2小时')
    expect(formatRemaining(1440 * 2 + 180)).toEqual({ text: '剩余 2天3小时', overdue: false, urgent: false })
    expect(formatRemaining(0)?.text).toBe('剩余 0分钟')
  })

  it('turns red and counts the delay once overdue', () => {
    expect(formatRemaining(-1)).toEqual({ text: '已超时 1分钟', overdue: true, urgent: true })
    expect(formatRemaining(-(1440 + 60))?.text).toBe('已超时 1天1小时')
  })

  it('speaks English when asked', () => {
    expect(formatRemaining(65, 'en')?.text).toBe('1 h 5 min left')
    expect(formatRemaining(-2880, 'en')?.text).toBe('Overdue 2 d')
  })

  it('has nothing to say without a due time', () => {
    expect(formatRemaining(null)).toBeNull()
    expect(formatRemaining(undefined)).toBeNull()
  })
})

describe('minutesUntil', () => {
  const now = Date.parse('2026-12-03T08:00:00Z')
  it('rounds down to whole minutes, negative when past', () => {
    expect(minutesUntil('2026-12-03T09:30:59Z', now)).toBe(90)
    expect(minutesUntil('2026-12-03T07:59:30Z', now)).toBe(-1)
    expect(minutesUntil(null, now)).toBeNull()
    expect(minutesUntil('not a time', now)).toBeNull()
  })
})

describe('formatTime', () => {
  it('omits this year and keeps others', () => {
    const now = new Date(2026, 11, 3)
    expect(formatTime(new Date(2026, 0, 5, 9, 7).toISOString(), now)).toBe('01-05 09:07')
    expect(formatTime(new Date(2025, 11, 31, 23, 59).toISOString(), now)).toBe('2025-12-31 23:59')
    expect(formatTime(null, now)).toBe('')
  })
})
