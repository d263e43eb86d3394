// The server's refusals made fit for a form and for an import report: each fault's message on the
// field it names, in the user's language, and an import's faults as rows by line.
import { ApiError, type ErrorDetail } from '@/shared/api'

function detailMessage(detail: ErrorDetail, locale: string): string {
  const en = typeof detail.message === 'string' ? detail.message : ''
  const zh = typeof detail.message_zh === 'string' ? detail.message_zh : ''
  return locale.startsWith('en') ? en || zh : zh || en
}

export interface FormErrors {
  fields: Record<string, string> // field → message, for the fields the form shows
  general: string // what no field of the form can carry
}

// `known` lists the fields the form shows; a fault on any other field (or none) goes to `general`,
// so nothing the server said is lost.
export function formErrors(error: unknown, known: readonly string[], locale: string): FormErrors {
  if (!(error instanceof ApiError)) {
    return { fields: {}, general: error instanceof Error ? error.message : String(error) }
  }
  const fields: Record<string, string> = {}
  const unplaced: string[] = []
  for (const detail of error.details) {
    const message = detailMessage(detail, locale)
    const field = typeof detail.field === 'string' ? detail.field : ''
    if (field && known.includes(field)) {
      // The first fault of a field is the one to fix first.
      if (!fields[field]) fields[field] = message || error.localized(locale)
    } else if (message) {
      unplaced.push(message)
    }
  }
  const placedAll = Object.keys(fields).length > 0 && unplaced.length === 0
  const general = placedAll ? '' : [...new Set(unplaced.length ? unplaced : [error.localized(locale)])].join('；')
  return { fields, general }
}

export interface ImportFault {
  line: number
  column: string
  field: string
  problem: string
  message: string
}

// An import's 422: every fault by line (0 = the file as a whole), in the order of the file.
export function importFaults(error: unknown, locale: string): ImportFault[] {
  if (!(error instanceof ApiError)) return []
  return error.details
    .map((d) => ({
      line: typeof d.line === 'number' ? d.line : 0,
      column: typeof d.column === 'string' ? d.column : '',
      field: typeof d.field === 'string' ? d.field : '',
      problem: typeof d.problem === 'string' ? d.problem : '',
      message: detailMessage(d, locale) || error.localized(locale),
    }))
    .sort((a, b) => a.line - b.line)
}

export function faultyLines(faults: ImportFault[]): number[] {
  return [...new Set(faults.map((f) => f.line).filter((l) => l > 0))].sort((a, b) => a - b)
}
