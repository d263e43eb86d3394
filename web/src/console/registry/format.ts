// Formatting shared by the registry's screens: codes as words, times as the user reads them, a
// person's history as one timeline, and an edit reduced to the fields that changed.
import type { ChangeRecord, PersonEvent, PersonHistory } from './types'

type Translate = (key: string) => string

// A vocabulary code in words: the key registry.vocab.<name>.<code> when the messages have it, the
// code itself (or a dash) otherwise, so a code the web does not know yet still shows.
export function label(t: Translate, vocabulary: string, code: string | null | undefined): string {
  if (!code) return '—'
  const key = `registry.vocab.${vocabulary}.${code}`
  const text = t(key)
  return text === key ? code : text
}

// "2026-12-03T12:02:08.352Z" as local "2026-12-03 20:02".
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

export type TimelineEntry =
  | { kind: 'event'; at: string; key: string; event: PersonEvent }
  | { kind: 'change'; at: string; key: string; changes: ChangeRecord[]; actor: string }

// Life events and field changes, newest first. Changes written by one save (same time, same
// actor) are one entry.
export function timeline(history: PersonHistory): TimelineEntry[] {
  const entries: TimelineEntry[] = history.events.map((event) => ({
    kind: 'event' as const,
    at: event.recorded_at,
    key: `e${event.id}`,
    event,
  }))
  const saves = new Map<string, ChangeRecord[]>()
  for (const change of history.changes) {
    const key = `${change.at}|${change.actor}`
    const group = saves.get(key)
    if (group) group.push(change)
    else saves.set(key, [change])
  }
  for (const [key, changes] of saves) {
    changes.sort((a, b) => a.id - b.id)
    entries.push({ kind: 'change', at: changes[0].at, key: `c${changes[0].id}|${key}`, changes, actor: changes[0].actor })
  }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}

// The body of a PATCH: only what differs from the record, strings trimmed. ID number and phone are
// shown masked, so they are sent only when the user typed a new one.
export function changedFields(
  original: Record<string, unknown>,
  edited: Record<string, string>,
  protectedFields: readonly string[] = ['id_number', 'phone'],
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, raw] of Object.entries(edited)) {
    const value = raw.trim()
    if (protectedFields.includes(key)) {
      if (value && value !== original[key]) out[key] = value
      continue
    }
    const before = original[key] === null || original[key] === undefined ? '' : String(original[key])
    if (value !== before) out[key] = value
  }
  return out
}

// The body of a POST: empty fields left out so the server applies its defaults.
export function filledFields(edited: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, raw] of Object.entries(edited)) {
    const value = raw.trim()
    if (value) out[key] = value
  }
  return out
}

// The name export and import files get when the server's is not readable.
export function downloadName(kind: string, format: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${kind}-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}.${format}`
}

// The filename of a Content-Disposition header, preferring the UTF-8 form.
export function dispositionName(header: string | null): string {
  if (!header) return ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      // fall back to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header)
  return plain ? plain[1] : ''
}
