import { describe, it, expect } from 'vitest'
import { workerActions, stepBody, actionSpec } from './actions'

const me = 5
const names = (e: Parameters<typeof workerActions>[0], can = true) => workerActions(e, me, can).map((a) => a.action)

describe('workerActions', () => {
  it('offers what the server allows in each state', () => {
    expect(names({ state: 'reported', level: 'grid', owner_id: me, handler_id: null })).toEqual(['accept', 'escalate', 'reject'])
    expect(names({ state: 'accepted', level: 'grid', owner_id: me, handler_id: null })).toEqual(['self_dispatch', 'escalate'])
    expect(names({ state: 'dispatched', level: 'grid', owner_id: me, handler_id: me })).toEqual(['start', 'return', 'escalate'])
    expect(names({ state: 'in_progress', level: 'grid', owner_id: me, handler_id: me })).toEqual(['feedback', 'return', 'escalate'])
  })

  it('leaves handler steps to the handler and nothing once resolved or without permission', () => {
    expect(names({ state: 'in_progress', level: 'grid', owner_id: 9, handler_id: 9 })).toEqual(['escalate'])
    expect(names({ state: 'accepted', level: 'community', owner_id: 9, handler_id: null })).toEqual(['escalate'])
    expect(names({ state: 'resolved', level: 'grid', owner_id: me, handler_id: me })).toEqual([])
    expect(names({ state: 'reported', level: 'grid', owner_id: null, handler_id: null }, false)).toEqual([])
    expect(names({ state: 'reported', level: 'department', owner_id: null, handler_id: null })).toEqual(['accept', 'reject'])
  })
})

describe('stepBody', () => {
  it('dispatches to oneself and carries version, note and photos', () => {
    expect(stepBody(actionSpec('self_dispatch'), me, 3, '')).toEqual({ version: 3, assignee_id: me })
    expect(stepBody(actionSpec('feedback'), me, 4, ' 已清理 ', [7, 8])).toEqual({ version: 4, note: '已清理', attachment_ids: [7, 8] })
  })
})
