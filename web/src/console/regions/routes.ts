import type { RouteRecordRaw } from 'vue-router'

export const regionRoutes: RouteRecordRaw[] = [
  { path: 'regions', component: () => import('./RegionHome.vue'), meta: { menu: 'region.menu' } },
]
