// The phone pages at /m/: grid workers land on their grids and tasks, residents on reporting a
// problem and following their reports. Each side declares its routes beside its screens.
import { createRouter, createWebHistory } from 'vue-router'
import { session, loadMe } from '@/shared/session'
import LoginPage from './auth/LoginPage.vue'
import { workerRoutes } from './worker/routes'
import { residentRoutes } from './resident/routes'

export function homeFor(role: string | undefined): string {
  return role === 'resident' ? '/resident' : '/worker'
}

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
    { path: '/', redirect: () => homeFor(session.me?.role) },
    ...workerRoutes,
    ...residentRoutes,
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadMe()
  if (to.meta.public) return true
  if (!session.me) return { name: 'login', query: { next: to.fullPath } }
  const roles = to.meta.roles as string[] | undefined
  // Staff other than grid workers may use the worker pages too (a community worker on patrol).
  if (roles && !roles.includes(session.me.role)) {
    const home = homeFor(session.me.role)
    if (!to.path.startsWith(home)) return home
  }
  return true
})
