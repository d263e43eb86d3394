// What each step's dialog sends: only the fields that step reads (the server rejects unknown ones
// and ignores the rest), with the event's version so a change meanwhile is caught.
import type { StepBody } from './eventsApi'
import type { ActionKey } from './workflow'

export interface StepForm {
  note: string
  assigneeId: number | null
  passed: boolean | null
  until: Date | null
  level: string
  department: string
  mark: string
  departmentIds: number[]
  departmentIdText: string
  minutes: number | null
  summonsId: number | null
  into: number | null
  attachmentIds: number[]
}

export const emptyStepForm = (): StepForm => ({
  note: '', assigneeId: null, passed: null, until: null, level: '', department: '', mark: '',
  departmentIds: [], departmentIdText: '', minutes: null, summonsId: null, into: null, attachmentIds: [],
})

// "6, 7 ８" → [6, 7]: ids typed by hand when the department accounts cannot be listed.
export function parseIds(text: string): number[] {
  const ids = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .split(/[\s,，、;；]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
  return [...new Set(ids)]
}

export function buildStepBody(action: ActionKey, form: StepForm, version: number): StepBody {
  const body: StepBody = { version }
  const note = form.note.trim()
  if (note) body.note = note
  switch (action) {
    case 'dispatch':
      if (form.assigneeId != null) body.assignee_id = form.assigneeId
      break
    case 'verify':
      if (form.passed != null) body.passed = form.passed
      break
    case 'extension':
      if (form.until) body.until = form.until.toISOString()
      break
    case 'escalate':
      if (form.level) body.level = form.level
      if (form.level === 'department' && form.department.trim()) body.department = form.department.trim()
      break
    case 'supervise':
      if (form.mark) body.mark = form.mark
      break
    case 'summons': {
      const ids = [...new Set([...form.departmentIds, ...parseIds(form.departmentIdText)])]
      body.department_ids = ids
      if (form.minutes != null) body.minutes = form.minutes
      break
    }
    case 'check-in':
      if (form.summonsId != null) body.summons_id = form.summonsId
      break
    case 'merge':
      if (form.into != null) body.into = form.into
      break
  }
  if (form.attachmentIds.length && PHOTO_ACTIONS.includes(action)) body.attachment_ids = [...form.attachmentIds]
  return body
}

// The steps that carry photos: what was done (反馈), what was seen (核查), what a department found.
export const PHOTO_ACTIONS: ActionKey[] = ['feedback', 'verify', 'check-in', 'reopen', 'start']
