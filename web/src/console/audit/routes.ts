import type { RouteRecordRaw } from 'vue-router'

// Only those holding audit.read (administrators) see the entry; the router sends others away.
export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'audit',
    name: 'audit',
    component: () => import('./AuditPage.vue'),
    meta: { menu: 'audit.menu', permission: 'audit.read' },
  },
]
