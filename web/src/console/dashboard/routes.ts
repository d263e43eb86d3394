import type { RouteRecordRaw } from 'vue-router'

export const dashboardRoutes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('./DashboardHome.vue'),
    meta: { menu: 'dashboard.menu', permission: 'events.stats' },
  },
]
