import { describe, expect, it } from 'vitest'
import { availableActions, levelsAbove, type Actor } from './workflow'
import type { EventLevel, EventState } from './types'

const community: Actor = { id: 4, permissions: ['events.handle', 'events.supervise', 'events.stats'] }
const street: Actor = { id: 3, permissions: ['events.handle', 'events.supervise', 'events.whistle'] }
const gridworker: Actor = { id: 5, permissions: ['events.handle'] }
const department: Actor = { id: 6, permissions: ['events.handle', 'events.check_in'] }

const event = (state: EventState, more: Partial<{ handler_id: number | null; extension_until: string | null; level: EventLevel; summons: { department_user_id: number; checked_in_at: string | null }[] }> = {}) => ({
  state, handler_id: null, extension_until: null, level: 'grid' as EventLevel, summons: [], ...more,
})

describe('availableActions', () => {
  it('offers taking a report in, refusing it, escalating and merging', () => {
    expect(availableActions(event('reported'), community)).toEqual(['accept', 'escalate', 'reject', 'merge', 'supervise'])
    expect(availableActions(event('reported'), gridworker)).toEqual(['accept', 'escalate', 'reject'])
    expect(availableActions(event('reported'), street)).toContain('summons')
  })
  it('lets only the handler start, report back, return and ask for time', () => {
    const dispatched = event('dispatched', { handler_id: 5 })
    expect(availableActions(dispatched, gridworker)).toEqual(['start', 'escalate', 'return', 'extension'])
    expect(availableActions(dispatched, community)).not.toContain('start')
    const working = event('in_progress', { handler_id: 5 })
    expect(availableActions(working, gridworker)).toContain('feedback')
    expect(availableActions(working, community)).not.toContain('feedback')
  })
  it('keeps verification from the handler', () => {
    expect(availableActions(event('resolved', { handler_id: 4 }), community)).toEqual(['supervise'])
    expect(availableActions(event('resolved', { handler_id: 4 }), street)).toEqual(['verify', 'supervise'])
    expect(availableActions(event('resolved', { handler_id: 4 }), gridworker)).toEqual([])
  })
  it('closes verified events and reopens closed ones for supervisors only', () => {
    expect(availableActions(event('verified', { handler_id: 4 }), street)).toEqual(['close', 'supervise', 'reopen'])
    expect(availableActions(event('closed'), community)).toEqual(['reopen'])
    expect(availableActions(event('closed'), gridworker)).toEqual([])
    expect(availableActions(event('rejected'), community)).toEqual([])
    expect(availableActions(event('merged'), community)).toEqual([])
  })
  it('decides an extension only while one is asked for, and not by the one who asked', () => {
    const asked = event('in_progress', { handler_id: 5, extension_until: '2026-12-10T00:00:00Z' })
    expect(availableActions(asked, gridworker)).not.toContain('extension')
    expect(availableActions(asked, community)).toEqual(expect.arrayContaining(['extension/approve', 'extension/deny']))
    const askedBySelf = event('in_progress', { handler_id: 4, extension_until: '2026-12-10T00:00:00Z' })
    expect(availableActions(askedBySelf, community)).not.toContain('extension/approve')
    expect(availableActions(event('in_progress', { handler_id: 5 }), community)).not.toContain('extension/approve')
  })
  it('shelves and resumes', () => {
    expect(availableActions(event('accepted'), community)).toEqual(['dispatch', 'escalate', 'shelve', 'merge', 'supervise'])
    expect(availableActions(event('shelved'), community)).toEqual(['resume', 'merge', 'supervise'])
    expect(availableActions(event('shelved'), gridworker)).toEqual([])
  })
  it('offers check-in to a department with a summons still open', () => {
    const summoned = event('accepted', { summons: [{ department_user_id: 6, checked_in_at: null }] })
    expect(availableActions(summoned, department)).toContain('check-in')
    const answered = event('accepted', { summons: [{ department_user_id: 6, checked_in_at: '2026-12-03T12:00:00Z' }] })
    expect(availableActions(answered, department)).not.toContain('check-in')
    expect(availableActions(event('accepted', { summons: [{ department_user_id: 7, checked_in_at: null }] }), department)).not.toContain('check-in')
  })
  it('does not escalate beyond departments', () => {
    expect(availableActions(event('reported', { level: 'department' }), department)).toEqual(['accept', 'reject'])
    expect(levelsAbove('grid')).toEqual(['community', 'street', 'department'])
    expect(levelsAbove('street')).toEqual(['department'])
    expect(levelsAbove('department')).toEqual([])
  })
  it('offers nothing to nobody', () => {
    expect(availableActions(event('reported'), null)).toEqual([])
  })
})
