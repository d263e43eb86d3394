// Which workflow steps the console offers on an event, mirroring the server's table
// (src/events/workflow.cpp) and the checks in event_steps.cpp: the state a step starts from, the
// permission it needs, and who must (or must not) take it. The server still decides; this keeps
// buttons off that could only be refused.
import type { EventItem, EventLevel, EventState, SummonsItem } from './types'

export type ActionKey =
  | 'accept' | 'reject' | 'dispatch' | 'start' | 'feedback' | 'return' | 'extension' | 'escalate'
  | 'verify' | 'close' | 'extension/approve' | 'extension/deny' | 'shelve' | 'resume' | 'merge'
  | 'supervise' | 'summons' | 'check-in' | 'reopen'

export const HANDLE = 'events.handle'
export const SUPERVISE = 'events.supervise'
export const WHISTLE = 'events.whistle'
export const CHECK_IN = 'events.check_in'

const WORKING: EventState[] = ['dispatched', 'in_progress']
const BEFORE_RESOLVED: EventState[] = ['reported', 'accepted', 'dispatched', 'in_progress']
const UNFINISHED: EventState[] = ['reported', 'accepted', 'dispatched', 'in_progress', 'resolved', 'verified', 'shelved']

export interface StepRule {
  action: ActionKey
  permission: string
  from: EventState[]
  needsNote: boolean
  handlerOnly?: boolean // only the event's handler (start, feedback, return, extension)
  notHandler?: boolean // someone other than the handler (verify, deciding an extension)
}

export const STEP_RULES: StepRule[] = [
  { action: 'accept', permission: HANDLE, from: ['reported'], needsNote: false },
  { action: 'dispatch', permission: HANDLE, from: ['accepted'], needsNote: false },
  { action: 'start', permission: HANDLE, from: ['dispatched'], needsNote: false, handlerOnly: true },
  { action: 'feedback', permission: HANDLE, from: ['in_progress'], needsNote: true, handlerOnly: true },
  { action: 'verify', permission: SUPERVISE, from: ['resolved'], needsNote: false, notHandler: true },
  { action: 'close', permission: SUPERVISE, from: ['verified'], needsNote: false },
  { action: 'escalate', permission: HANDLE, from: BEFORE_RESOLVED, needsNote: true },
  { action: 'summons', permission: WHISTLE, from: BEFORE_RESOLVED, needsNote: false },
  { action: 'check-in', permission: CHECK_IN, from: UNFINISHED, needsNote: true },
  { action: 'return', permission: HANDLE, from: WORKING, needsNote: true, handlerOnly: true },
  { action: 'extension', permission: HANDLE, from: WORKING, needsNote: true, handlerOnly: true },
  { action: 'extension/approve', permission: SUPERVISE, from: WORKING, needsNote: false, notHandler: true },
  { action: 'extension/deny', permission: SUPERVISE, from: WORKING, needsNote: true, notHandler: true },
  { action: 'reject', permission: HANDLE, from: ['reported'], needsNote: true },
  { action: 'shelve', permission: SUPERVISE, from: ['accepted', 'dispatched', 'in_progress'], needsNote: true },
  { action: 'resume', permission: SUPERVISE, from: ['shelved'], needsNote: false },
  { action: 'merge', permission: SUPERVISE, from: [...BEFORE_RESOLVED, 'shelved'], needsNote: false },
  { action: 'supervise', permission: SUPERVISE, from: UNFINISHED, needsNote: true },
  // The reporter may reopen too; the console offers it to supervisors, who are the ones using it.
  { action: 'reopen', permission: SUPERVISE, from: ['verified', 'closed'], needsNote: true },
]

export function ruleOf(action: ActionKey): StepRule {
  const rule = STEP_RULES.find((r) => r.action === action)
  if (!rule) throw new Error('unknown action ' + action)
  return rule
}

export interface Actor {
  id: number
  permissions: string[]
}

type EventFacts = Pick<EventItem, 'state' | 'handler_id' | 'extension_until' | 'level'> & {
  summons?: Pick<SummonsItem, 'department_user_id' | 'checked_in_at'>[]
}

// The summons the actor (a department) has yet to answer.
export function openSummonsFor(event: EventFacts, actor: Actor): number {
  return (event.summons ?? []).filter((s) => s.department_user_id === actor.id && !s.checked_in_at).length
}

export function availableActions(event: EventFacts, actor: Actor | null): ActionKey[] {
  if (!actor) return []
  const isHandler = event.handler_id != null && event.handler_id === actor.id
  return STEP_RULES.filter((rule) => {
    if (!actor.permissions.includes(rule.permission)) return false
    if (!rule.from.includes(event.state)) return false
    if (rule.handlerOnly && !isHandler) return false
    if (rule.notHandler && isHandler) return false
    switch (rule.action) {
      case 'extension':
        return !event.extension_until
      case 'extension/approve':
      case 'extension/deny':
        return !!event.extension_until
      case 'escalate':
        return levelsAbove(event.level).length > 0
      case 'check-in':
        return openSummonsFor(event, actor) > 0
      default:
        return true
    }
  }).map((rule) => rule.action)
}

const LEVELS: EventLevel[] = ['grid', 'community', 'street', 'department']

export function levelsAbove(level: EventLevel | string): EventLevel[] {
  const rank = LEVELS.indexOf(level as EventLevel)
  return rank < 0 ? [] : LEVELS.slice(rank + 1)
}

// The steps that move an event along are shown first and prominent; the rest as secondary.
export const PRIMARY_ACTIONS: ActionKey[] = ['accept', 'dispatch', 'start', 'feedback', 'verify', 'close', 'check-in', 'resume']

export function isFinished(state: EventState | string): boolean {
  return state === 'closed' || state === 'rejected' || state === 'merged'
}
