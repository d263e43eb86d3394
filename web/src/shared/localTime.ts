// Calendar days and minutes in the browser's own time zone, as links and filters carry them.
const pad = (n: number) => String(n).padStart(2, '0')

// YYYY-MM-DD of a moment, local time.
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

// "YYYY-MM-DD HH:mm" of a moment, local time; just the day when it is midnight.
export function localMinute(at: Date): string {
  const day = localDay(at)
  return isLocalMidnight(at) ? day : `${day} ${pad(at.getHours())}:${pad(at.getMinutes())}`
}

export function isLocalMidnight(at: Date): boolean {
  return at.getHours() === 0 && at.getMinutes() === 0 && at.getSeconds() === 0 && at.getMilliseconds() === 0
}

// The local midnight a YYYY-MM-DD names, offset by `days`; null for anything else.
export function startOfLocalDay(day: string, days = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days)
}
