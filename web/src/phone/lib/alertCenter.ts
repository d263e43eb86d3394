// The worker's live alerts: one stream per signed-in page, a short beep and a buzz for each
// alert that matters (alerts.ts), the latest shown in a bar and the unread ones counted.
import { reactive } from 'vue'
import { openStream } from '@/shared/stream'
import { alertFor, vibrationPattern, ALERT_KINDS, type Alert } from './alerts'

export const alertCenter = reactive<{ items: Alert[]; latest: Alert | null }>({ items: [], latest: null })

let close: (() => void) | null = null
let hideTimer: ReturnType<typeof setTimeout> | undefined
let audio: AudioContext | null = null

export function unreadCount(): number {
  return alertCenter.items.filter((a) => !a.read).length
}

export function markAllRead(): void {
  alertCenter.items.forEach((a) => (a.read = true))
}

export function dismissLatest(): void {
  alertCenter.latest = null
}

// Generated, not a file: nothing more to download, and it plays once the page has been touched.
function beep(urgent: boolean): void {
  try {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
    if (!Context) return
    audio ??= new Context()
    const start = audio.currentTime
    const tones = urgent ? [0, 0.25] : [0]
    for (const offset of tones) {
      const oscillator = audio.createOscillator()
      const gain = audio.createGain()
      oscillator.type = 'sine'
      oscillator.frequency.value = urgent ? 1046 : 880
      gain.gain.setValueAtTime(0.0001, start + offset)
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18)
      oscillator.connect(gain).connect(audio.destination)
      oscillator.start(start + offset)
      oscillator.stop(start + offset + 0.2)
    }
  } catch {
    // no sound on this device: the bar and the badge still tell
  }
}

// Events the user just moved themselves (自行处置 sends them their own 新任务): no ringing for those.
const ownSteps = new Map<number, number>()
export function noteOwnStep(eventId: number, now = Date.now()): void {
  ownSteps.set(eventId, now)
}

export function receive(type: string, data: unknown, locale: string, now = Date.now()): Alert | null {
  const alert = alertFor(type, data, locale, now)
  if (!alert) return null
  const own = alert.eventId !== null ? ownSteps.get(alert.eventId) : undefined
  if (own !== undefined && now - own < 10_000) return null
  alertCenter.items.unshift(alert)
  if (alertCenter.items.length > 50) alertCenter.items.length = 50
  alertCenter.latest = alert
  clearTimeout(hideTimer)
  hideTimer = setTimeout(() => {
    if (alertCenter.latest === alert) alertCenter.latest = null
  }, 10_000)
  if (typeof navigator !== 'undefined' && 'vibrate' in navigator) navigator.vibrate(vibrationPattern(alert))
  beep(alert.urgent)
  return alert
}

export function startAlerts(locale: () => string): void {
  if (close || typeof EventSource === 'undefined') return
  close = openStream((type, data) => receive(type, data, locale()), [...ALERT_KINDS])
}

export function stopAlerts(): void {
  close?.()
  close = null
  alertCenter.items = []
  alertCenter.latest = null
}
