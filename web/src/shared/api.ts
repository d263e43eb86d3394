// The one way the web talks to shequ: JSON over fetch with the session cookie, and every failure
// turned into an ApiError carrying the server's machine code and its Chinese and English messages.

export interface ErrorDetail {
  field?: string
  problem?: string
  line?: number
  [key: string]: unknown
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly messageZh: string
  readonly messageEn: string
  readonly details: ErrorDetail[]

  constructor(status: number, code: string, messageEn: string, messageZh: string, details: ErrorDetail[] = []) {
    super(messageEn)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.messageEn = messageEn
    this.messageZh = messageZh
    this.details = details
  }

  // The message in the user's language, Chinese unless English was chosen.
  localized(locale: string): string {
    return locale.startsWith('en') ? this.messageEn : this.messageZh || this.messageEn
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | Array<string | number>>

export function buildQuery(query?: Query): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)))
    else params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

// Called when a request finds the session gone, so the app can send the user to sign in.
let onUnauthenticated: (() => void) | null = null
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
}

export async function parseError(response: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // not JSON: a proxy's page or an empty body
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error
  if (error && typeof error.code === 'string') {
    return new ApiError(
      response.status,
      error.code,
      String(error.message ?? ''),
      String(error.message_zh ?? error.message ?? ''),
      Array.isArray(error.details) ? (error.details as ErrorDetail[]) : [],
    )
  }
  return new ApiError(response.status, 'http_' + response.status, `HTTP ${response.status}`, `服务器返回 ${response.status}`)
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

export async function request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  let body: BodyInit | undefined
  if (options.body instanceof FormData || options.body instanceof Blob || options.body instanceof ArrayBuffer) {
    body = options.body as BodyInit
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    response = await fetch(path + buildQuery(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause
    throw new ApiError(0, 'network_error', 'The server cannot be reached.', '无法连接服务器，请检查网络。')
  }
  if (!response.ok) {
    const error = await parseError(response)
    if (response.status === 401 && onUnauthenticated) onUnauthenticated()
    throw error
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('application/json')) return (await response.json()) as T
  return (await response.blob()) as unknown as T
}

export const api = {
  get: <T = unknown>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T = unknown>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query }),
  put: <T = unknown>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T = unknown>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = unknown>(path: string) => request<T>('DELETE', path),
}

export interface Page<T> {
  items: T[]
  total: number
  limit: number
  offset: number
}
