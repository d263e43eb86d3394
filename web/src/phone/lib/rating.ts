// A resident's rating of a closed event (评价) as the body of POST /api/events/{id}/rating.
// 不满意 asks the server to reopen the event (it goes back to the one who dispatched it).

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied'

export const SATISFACTIONS: Satisfaction[] = ['satisfied', 'basically_satisfied', 'dissatisfied']

export interface RatingRequest {
  satisfaction: Satisfaction
  note?: string
  reopen?: boolean
  version?: number
}

export function ratingRequest(satisfaction: Satisfaction, comment: string, version?: number): RatingRequest {
  const request: RatingRequest = { satisfaction }
  const note = comment.trim()
  if (note) request.note = note
  if (satisfaction === 'dissatisfied') request.reopen = true
  if (version !== undefined) request.version = version
  return request
}

// Whether the event still waits for this reporter's rating.
export function canRate(event: { state: string; satisfaction?: string | null }): boolean {
  return event.state === 'closed' && !event.satisfaction
}
