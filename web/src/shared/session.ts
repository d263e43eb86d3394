// Who is signed in. The session itself is the HttpOnly cookie the server sets; this keeps /api/me.
import { reactive } from 'vue'
import { api, ApiError } from './api'

export type Role = 'admin' | 'county' | 'street' | 'community' | 'grid_worker' | 'department' | 'resident'

export interface Me {
  id: number
  username: string
  display_name: string
  role: Role
  scopes: string[]
  national: boolean
  permissions: string[]
  session_expires_at: string
}

export const session = reactive<{ me: Me | null; loaded: boolean }>({ me: null, loaded: false })

export async function loadMe(): Promise<Me | null> {
  try {
    session.me = await api.get<Me>('/api/me')
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error
    session.me = null
  }
  session.loaded = true
  return session.me
}

export async function login(username: string, password: string): Promise<Me> {
  await api.post('/api/auth/login', { username, password })
  const me = await loadMe()
  if (!me) throw new ApiError(401, 'unauthenticated', 'Sign-in failed.', '登录失败。')
  return me
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout')
  } finally {
    session.me = null
  }
}

export function can(permission: string): boolean {
  return session.me?.permissions.includes(permission) ?? false
}
