import type { RouteRecordRaw } from 'vue-router'

export const auditRoutes: RouteRecordRaw[] = [
  { path: 'audit', component: () => import('./AuditHome.vue'), meta: { menu: 'audit.menu' } },
]
