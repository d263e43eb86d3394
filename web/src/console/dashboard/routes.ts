import type { RouteRecordRaw } from 'vue-router'

export const dashboardRoutes: RouteRecordRaw[] = [
  { path: 'dashboard', component: () => import('./DashboardHome.vue'), meta: { menu: 'dashboard.menu' } },
]
