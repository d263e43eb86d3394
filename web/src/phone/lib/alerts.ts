// Which live events (/api/stream) interrupt a grid worker, and what the alert says. Only the ones
// that mean "act now" ring: a task handed to them, one escalated, a deadline near or missed.

export type AlertKind = 'event.assigned' | 'event.escalated' | 'event.warning' | 'event.overdue'

export const ALERT_KINDS: AlertKind[] = ['event.assigned', 'event.escalated', 'event.warning', 'event.overdue']

export interface StreamEventBrief {
  id?: number
  reference?: string
  title?: string
  state?: string
  due_at?: string | null
}

export interface Alert {
  key: string
  kind: AlertKind
  eventId: number | null
  title: string
  label: string
  // Missed deadlines buzz longer than news.
  urgent: boolean
  receivedAt: number
  read: boolean
}

const LABELS: Record<AlertKind, { zh: string; en: string }> = {
  'event.assigned': { zh: '新任务', en: 'New task' },
  'event.escalated': { zh: '事件上报升级', en: 'Event escalated' },
  'event.warning': { zh: '即将超时', en: 'Due soon' },
  'event.overdue': { zh: '已超时', en: 'Overdue' },
}

export function isAlertKind(type: string): type is AlertKind {
  return (ALERT_KINDS as string[]).includes(type)
}

export function alertFor(type: string, data: unknown, locale = 'zh-CN', now = Date.now()): Alert | null {
  if (!isAlertKind(type)) return null
  const brief = (data && typeof data === 'object' ? data : {}) as StreamEventBrief
  const eventId = typeof brief.id === 'number' ? brief.id : null
  const label = LABELS[type][locale.startsWith('en') ? 'en' : 'zh']
  return {
    key: `${type}:${eventId ?? ''}:${now}`,
    kind: type,
    eventId,
    title: brief.title || brief.reference || '',
    label,
    urgent: type === 'event.overdue',
    receivedAt: now,
    read: false,
  }
}

export function vibrationPattern(alert: Alert): number[] {
  return alert.urgent ? [300, 120, 300, 120, 300] : [200, 100, 200]
}
