// The workflow steps a grid worker can take on an event from the phone, mirroring the server's
// table (src/events/workflow.cpp) and its holder checks (event_steps.cpp): what it would refuse
// is not offered. Supervising steps (核查, 结案 …) stay in the console.

export type WorkerAction = 'accept' | 'self_dispatch' | 'start' | 'feedback' | 'return' | 'escalate' | 'reject'

export interface ActionSpec {
  action: WorkerAction
  // The route's last segment: /api/events/{id}/<step>
  step: string
  needsNote: boolean
  photos: boolean
  primary: boolean
}

const SPECS: Record<WorkerAction, ActionSpec> = {
  accept: { action: 'accept', step: 'accept', needsNote: false, photos: false, primary: true },
  self_dispatch: { action: 'self_dispatch', step: 'dispatch', needsNote: false, photos: false, primary: true },
  start: { action: 'start', step: 'start', needsNote: false, photos: false, primary: true },
  feedback: { action: 'feedback', step: 'feedback', needsNote: true, photos: true, primary: true },
  return: { action: 'return', step: 'return', needsNote: true, photos: false, primary: false },
  escalate: { action: 'escalate', step: 'escalate', needsNote: true, photos: false, primary: false },
  reject: { action: 'reject', step: 'reject', needsNote: true, photos: false, primary: false },
}

export function actionSpec(action: WorkerAction): ActionSpec {
  return SPECS[action]
}

interface EventState {
  state: string
  level: string
  owner_id: number | null
  handler_id: number | null
}

export function workerActions(event: EventState, userId: number, canHandle: boolean): ActionSpec[] {
  if (!canHandle) return []
  const isHandler = event.handler_id === userId
  const list: WorkerAction[] = []
  switch (event.state) {
    case 'reported':
      list.push('accept', 'escalate', 'reject')
      break
    case 'accepted':
      // The one who took it in sends it on; on the phone that is to oneself (就地处置).
      if (event.owner_id === userId) list.push('self_dispatch')
      list.push('escalate')
      break
    case 'dispatched':
      if (isHandler) list.push('start', 'return')
      list.push('escalate')
      break
    case 'in_progress':
      if (isHandler) list.push('feedback', 'return')
      list.push('escalate')
      break
  }
  // Nothing is above a department: escalating stops there.
  return list.filter((a) => a !== 'escalate' || event.level !== 'department').map((a) => SPECS[a])
}

// The request body of a step; the version makes the server refuse a stale screen.
export function stepBody(spec: ActionSpec, userId: number, version: number, note: string, attachmentIds: number[] = []) {
  const body: Record<string, unknown> = { version }
  const text = note.trim()
  if (text) body.note = text
  if (spec.action === 'self_dispatch') body.assignee_id = userId
  if (attachmentIds.length) body.attachment_ids = attachmentIds
  return body
}
