import type { RouteRecordRaw } from 'vue-router'

// The tree keeps the picked node in the query (?node=CODE), so moving around the tree reuses the
// page and its expanded branches.
export const regionRoutes: RouteRecordRaw[] = [
  {
    path: 'regions',
    name: 'regions',
    component: () => import('./RegionsPage.vue'),
    meta: { menu: 'region.menu', permission: 'regions.read' },
  },
  {
    path: 'regions/grids',
    name: 'region-grids',
    component: () => import('./GridsPage.vue'),
    meta: { menu: 'region.gridsMenu', permission: 'grids.read' },
  },
]
