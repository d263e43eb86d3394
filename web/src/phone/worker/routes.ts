import type { RouteRecordRaw } from 'vue-router'

export const workerRoutes: RouteRecordRaw[] = [
  { path: '/worker', component: () => import('./WorkerHome.vue'), meta: { roles: ['grid_worker'] } },
]
