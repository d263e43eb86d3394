// Remaining time of an event's running stage, as the task lists show it: a countdown in the
// user's language, red once the due time has passed.

export interface Remaining {
  text: string
  overdue: boolean
  // Under an hour left: the list shows it in orange so it is done before it turns red.
  urgent: boolean
}

// Minutes left until `dueAt` (negative when past), or null without a due time.
export function minutesUntil(dueAt: string | null | undefined, now: number = Date.now()): number | null {
  if (!dueAt) return null
  const due = Date.parse(dueAt)
  if (Number.isNaN(due)) return null
  return Math.floor((due - now) / 60_000)
}

function span(minutes: number, en: boolean): string {
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (en) {
    if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`
    if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`
    return `${mins} min`
  }
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分` : `${hours}小时`
  return `${mins}分钟`
}

export function formatRemaining(minutes: number | null | undefined, locale = 'zh-CN'): Remaining | null {
  if (minutes === null || minutes === undefined || Number.isNaN(minutes)) return null
  const en = locale.startsWith('en')
  if (minutes < 0) {
    const late = span(-minutes, en)
    return { text: en ? `Overdue ${late}` : `已超时 ${late}`, overdue: true, urgent: true }
  }
  const left = span(minutes, en)
  return { text: en ? `${left} left` : `剩余 ${left}`, overdue: false, urgent: minutes < 60 }
}

// Local date and time for timelines: 12-03 14:05, with the year when it is not this one.
export function formatTime(at: string | null | undefined, now: Date = new Date()): string {
  if (!at) return ''
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
  return d.getFullYear() === now.getFullYear() ? day : `${d.getFullYear()}-${day}`
}
