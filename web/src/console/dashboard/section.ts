// The state of one independently loaded area of the dashboard.
export interface Section<T> {
  loading: boolean
  error: string
  data: T | null
}

export function newSection<T>(): Section<T> {
  return { loading: false, error: '', data: null }
}
