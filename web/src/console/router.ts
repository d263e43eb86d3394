// The console's pages. Each area declares its own routes (with the permission a page needs and
// its menu entry in meta) beside its screens; the layout builds the menu from them.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { session, loadMe } from '@/shared/session'
import ConsoleLayout from './layout/ConsoleLayout.vue'
import LoginPage from './auth/LoginPage.vue'
import { regionRoutes } from './regions/routes'
import { registryRoutes } from './registry/routes'
import { eventRoutes } from './events/routes'
import { dashboardRoutes } from './dashboard/routes'
import { auditRoutes } from './audit/routes'

export const areaRoutes: RouteRecordRaw[] = [
  ...dashboardRoutes,
  ...eventRoutes,
  ...regionRoutes,
  ...registryRoutes,
  ...auditRoutes,
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
    { path: '/', component: ConsoleLayout, children: [{ path: '', redirect: '/events' }, ...areaRoutes] },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadMe()
  if (to.meta.public) return true
  if (!session.me) return { name: 'login', query: { next: to.fullPath } }
  // Residents and grid workers belong on the phone pages.
  if (session.me.role === 'resident') {
    window.location.assign('/m/')
    return false
  }
  const permission = to.meta.permission as string | undefined
  if (permission && !session.me.permissions.includes(permission)) return { path: '/events' }
  return true
})
