// How the console's forms show the server's refusals: one message for the whole action, and one
// per field when the server names fields (details[].field, each with its own message).
import { ApiError, type ErrorDetail } from '@/shared/api'

export function errorMessage(error: unknown, locale: string): string {
  if (error instanceof ApiError) return error.localized(locale)
  return error instanceof Error ? error.message : String(error)
}

function detailMessage(detail: ErrorDetail, locale: string): string {
  const zh = typeof detail.message_zh === 'string' ? detail.message_zh : ''
  const en = typeof detail.message === 'string' ? detail.message : ''
  return locale.startsWith('en') ? en || zh : zh || en
}

// field → message for the fields the server named. A detail without its own message gets the
// error's message, so the field still shows why.
export function fieldErrors(error: unknown, locale: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(error instanceof ApiError)) return out
  for (const detail of error.details) {
    if (!detail.field || typeof detail.field !== 'string') continue
    if (out[detail.field]) continue
    out[detail.field] = detailMessage(detail, locale) || error.localized(locale)
  }
  return out
}
