import type { RouteRecordRaw } from 'vue-router'

export const eventRoutes: RouteRecordRaw[] = [
  { path: 'events', component: () => import('./EventList.vue'), meta: { menu: 'event.menu' } },
  { path: 'events/:id(\\d+)', component: () => import('./EventPage.vue') },
]
