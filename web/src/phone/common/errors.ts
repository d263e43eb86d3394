// The server's message for a failed action, in the user's language, and its per-field details.
import { ApiError } from '@/shared/api'

export function messageOf(error: unknown, locale: string): string {
  if (error instanceof ApiError) return error.localized(locale)
  return error instanceof Error ? error.message : String(error)
}

// field → the server's message, for errors that name fields (title, region_code …).
export function fieldErrorsOf(error: unknown, locale: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  const fields: Record<string, string> = {}
  for (const detail of error.details) {
    if (detail.field) fields[detail.field] = error.localized(locale)
  }
  return fields
}
