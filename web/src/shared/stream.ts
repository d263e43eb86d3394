// The user's live feed (/api/stream, server-sent events): new assignments, escalations, overdue
// alerts. EventSource reconnects by itself; listeners get each event's type and parsed data.
export type StreamListener = (type: string, data: unknown) => void

export const STREAM_EVENTS = [
  'event.reported', 'event.assigned', 'event.escalated', 'event.warning', 'event.overdue',
  'event.supervised', 'event.summoned', 'event.checked_in', 'event.summons_late',
]

export function openStream(listener: StreamListener, types: string[] = STREAM_EVENTS): () => void {
  const source = new EventSource('/api/stream', { withCredentials: true })
  const handle = (type: string) => (event: MessageEvent) => {
    let data: unknown = event.data
    try {
      data = JSON.parse(event.data)
    } catch {
      // plain text payload
    }
    listener(type, data)
  }
  source.onmessage = handle('message')
  for (const type of types) source.addEventListener(type, handle(type) as EventListener)
  return () => source.close()
}
