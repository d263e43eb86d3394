import { describe, it, expect, vi, beforeEach } from 'vitest'
import { alertFor, isAlertKind, vibrationPattern } from './alerts'

describe('alertFor', () => {
  const brief = { id: 12, reference: '610921103002-20261203-0001', title: '暴露垃圾 · 1栋', state: 'dispatched' }

  it('rings for a task assigned, an escalation, a warning and an overdue', () => {
    for (const type of ['event.assigned', 'event.escalated', 'event.warning', 'event.overdue']) {
      const alert = alertFor(type, brief, 'zh-CN', 1000)
      expect(alert, type).not.toBeNull()
      expect(alert!.eventId).toBe(12)
      expect(alert!.title).toBe('暴露垃圾 · 1栋')
      expect(alert!.read).toBe(false)
    }
    expect(alertFor('event.assigned', brief)!.label).toBe('新任务')
    expect(alertFor('event.overdue', brief, 'en')!.label).toBe('Overdue')
  })

  it('stays quiet for news that needs no action from the worker', () => {
    for (const type of ['event.reported', 'event.supervised', 'event.summoned', 'event.checked_in', 'event.summons_late', 'message']) {
      expect(isAlertKind(type)).toBe(false)
      expect(alertFor(type, brief)).toBeNull()
    }
  })

  it('survives a payload without an event', () => {
    const alert = alertFor('event.warning', 'plain text')
    expect(alert!.eventId).toBeNull()
    expect(alert!.title).toBe('')
  })

  it('buzzes longer when overdue', () => {
    expect(vibrationPattern(alertFor('event.overdue', brief)!).length).toBeGreaterThan(vibrationPattern(alertFor('event.assigned', brief)!).length)
  })
})

describe('receive', () => {
  beforeEach(() => vi.resetModules())

  it('counts unread alerts, shows the latest and vibrates', async () => {
    const vibrate = vi.fn()
    Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true })
    const center = await import('./alertCenter')
    expect(center.receive('event.reported', { id: 1 }, 'zh-CN')).toBeNull()
    center.receive('event.assigned', { id: 2, title: 'A' }, 'zh-CN')
    center.receive('event.overdue', { id: 3, title: 'B' }, 'zh-CN')
    expect(center.unreadCount()).toBe(2)
    expect(center.alertCenter.latest?.eventId).toBe(3)
    expect(vibrate).toHaveBeenCalledTimes(2)
    center.markAllRead()
    expect(center.unreadCount()).toBe(0)
  })

  it('does not ring for a step the worker just took themselves', async () => {
    const center = await import('./alertCenter')
    center.noteOwnStep(4, 1_000)
    expect(center.receive('event.assigned', { id: 4 }, 'zh-CN', 2_000)).toBeNull()
    expect(center.receive('event.assigned', { id: 4 }, 'zh-CN', 20_000)).not.toBeNull()
    expect(center.receive('event.assigned', { id: 5 }, 'zh-CN', 2_000)).not.toBeNull()
  })
})
