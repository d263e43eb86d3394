// Time left on an event's running stage, as the work list and the event page show it.
export type RemainingTone = 'overdue' | 'warning' | 'normal' | 'none'

export interface Remaining {
  text: string
  tone: RemainingTone
  minutes: number | null
}

// Minutes as "2天3小时", "3小时5分钟", "45分钟" (or "2d 3h" in English). Days count whole
// calendar time, not working time: it says how long until the due moment.
export function formatDuration(minutes: number, locale: string): string {
  const en = locale.startsWith('en')
  const total = Math.abs(Math.trunc(minutes))
  const days = Math.floor(total / 1440)
  const hours = Math.floor((total % 1440) / 60)
  const mins = total % 60
  const parts: string[] = []
  if (days) parts.push(en ? `${days}d` : `${days}天`)
  if (hours) parts.push(en ? `${hours}h` : `${hours}小时`)
  // Minutes matter only while under a day.
  if (!days && (mins || !hours)) parts.push(en ? `${mins}m` : `${mins}分钟`)
  return parts.join(en ? ' ' : '')
}

interface DueFacts {
  due_at: string | null
  remaining_minutes: number | null
  warning: boolean
  overdue: boolean
}

// Counted from due_at against `now` so the list ticks without reloading; the server's
// remaining_minutes is null when nothing is running (finished or 挂账), and then so is this.
export function remainingOf(event: DueFacts, now: number, locale: string): Remaining {
  if (event.remaining_minutes == null || !event.due_at) return { text: '—', tone: 'none', minutes: null }
  const due = Date.parse(event.due_at)
  const minutes = Number.isNaN(due) ? event.remaining_minutes : Math.floor((due - now) / 60000)
  const en = locale.startsWith('en')
  if (minutes < 0 || event.overdue) {
    const late = Math.max(-minutes, 0)
    return { text: en ? `Overdue ${formatDuration(late, locale)}` : `超时 ${formatDuration(late, locale)}`, tone: 'overdue', minutes }
  }
  return {
    text: en ? `${formatDuration(minutes, locale)} left` : `剩余 ${formatDuration(minutes, locale)}`,
    tone: event.warning ? 'warning' : 'normal',
    minutes,
  }
}

// "2026-12-04 14:30" in China time: every due time of the workflow is a Beijing office hour.
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—'
  const at = Date.parse(value)
  if (Number.isNaN(at)) return value
  const d = new Date(at + 8 * 3600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
