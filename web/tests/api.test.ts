import { describe, it, expect, vi, afterEach } from 'vitest'
import { api, ApiError, buildQuery } from '@/shared/api'

afterEach(() => vi.unstubAllGlobals())

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the request to fail')
}

describe('buildQuery', () => {
  it('drops empty values and repeats arrays', () => {
    expect(buildQuery({ q: '张', empty: '', none: undefined, state: ['open', 'overdue'], limit: 20 })).toBe(
      '?q=%E5%BC%A0&state=open&state=overdue&limit=20',
    )
    expect(buildQuery({})).toBe('')
  })
})

describe('request', () => {
  it('turns the server error shape into an ApiError with both messages', async () => {
    const body = { error: { code: 'validation_failed', message: 'Name is required.', message_zh: '姓名必填。', details: [{ field: 'name', problem: 'required' }] } }
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 422, headers: { 'content-type': 'application/json' } })))
    const error = await failure(api.post('/api/people', { name: '' }))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(422)
    expect(error.code).toBe('validation_failed')
    expect(error.localized('zh-CN')).toBe('姓名必填。')
    expect(error.localized('en')).toBe('Name is required.')
    expect(error.details[0].field).toBe('name')
  })

  it('sends JSON and reads JSON back', async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response('{"id":7}', { status: 201, headers: { 'content-type': 'application/json' } }))
    vi.stubGlobal('fetch', fetchMock)
    const result = await api.post<{ id: number }>('/api/events', { title: '路灯不亮' })
    expect(result.id).toBe(7)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/events')
    expect(init.method).toBe('POST')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
    expect(JSON.parse(init.body as string)).toEqual({ title: '路灯不亮' })
  })

  it('reports an unreachable server in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    const error = await failure(api.get('/api/me'))
    expect(error.code).toBe('network_error')
    expect(error.localized('zh-CN')).toContain('无法连接服务器')
  })
})
