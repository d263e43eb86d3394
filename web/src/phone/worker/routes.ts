import type { RouteRecordRaw } from 'vue-router'

export const workerRoutes: RouteRecordRaw[] = [
  {
    path: '/worker',
    component: () => import('./WorkerLayout.vue'),
    meta: { roles: ['grid_worker'] },
    children: [
      { path: '', name: 'worker-home', component: () => import('./WorkerHome.vue') },
      { path: 'report', name: 'worker-report', component: () => import('./WorkerReport.vue') },
      { path: 'tasks', name: 'worker-tasks', component: () => import('./WorkerTasks.vue') },
      { path: 'households', name: 'worker-households', component: () => import('./WorkerHouseholds.vue') },
      { path: 'households/:id(\\d+)', name: 'worker-household', component: () => import('./HouseholdDetail.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: 'alerts', name: 'worker-alerts', component: () => import('./WorkerAlerts.vue') },
      { path: 'events/:id(\\d+)', name: 'worker-event', component: () => import('./WorkerEvent.vue'), props: (r) => ({ id: Number(r.params.id) }) },
    ],
  },
]
