import type { RouteRecordRaw } from 'vue-router'

export const eventRoutes: RouteRecordRaw[] = [
  { path: 'events', component: () => import('./EventHome.vue'), meta: { menu: 'event.menu' } },
]
