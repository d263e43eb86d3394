import type { RouteRecordRaw } from 'vue-router'

export const registryRoutes: RouteRecordRaw[] = [
  { path: 'people', component: () => import('./RegistryHome.vue'), meta: { menu: 'registry.menu' } },
]
