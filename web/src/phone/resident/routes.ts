import type { RouteRecordRaw } from 'vue-router'

export const residentRoutes: RouteRecordRaw[] = [
  { path: '/resident', component: () => import('./ResidentHome.vue'), meta: { roles: ['resident'] } },
]
