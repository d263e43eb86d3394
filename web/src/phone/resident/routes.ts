import type { RouteRecordRaw } from 'vue-router'

export const residentRoutes: RouteRecordRaw[] = [
  {
    path: '/resident',
    component: () => import('./ResidentLayout.vue'),
    meta: { roles: ['resident'] },
    children: [
      { path: '', name: 'resident-home', component: () => import('./ResidentHome.vue') },
      { path: 'mine', name: 'resident-mine', component: () => import('./ResidentReports.vue') },
      { path: 'events/:id(\\d+)', name: 'resident-event', component: () => import('./ResidentEvent.vue'), props: (r) => ({ id: Number(r.params.id) }) },
    ],
  },
]
