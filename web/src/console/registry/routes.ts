import type { RouteRecordRaw } from 'vue-router'

// The list is the menu entry; the pages below it keep the entry lit (the layout matches by prefix).
export const registryRoutes: RouteRecordRaw[] = [
  {
    path: 'registry',
    name: 'registry',
    component: () => import('./PeopleList.vue'),
    meta: { menu: 'registry.menu', permission: 'registry.read' },
  },
  {
    path: 'registry/people/new',
    name: 'registry-person-new',
    component: () => import('./PersonForm.vue'),
    meta: { permission: 'registry.write' },
  },
  {
    path: 'registry/people/:id(\\d+)',
    name: 'registry-person',
    component: () => import('./PersonPage.vue'),
    meta: { permission: 'registry.read' },
  },
  {
    path: 'registry/people/:id(\\d+)/edit',
    name: 'registry-person-edit',
    component: () => import('./PersonForm.vue'),
    meta: { permission: 'registry.write' },
  },
  {
    path: 'registry/households',
    name: 'registry-households',
    component: () => import('./HouseholdList.vue'),
    meta: { permission: 'registry.read' },
  },
  {
    path: 'registry/households/:id(\\d+)',
    name: 'registry-household',
    component: () => import('./HouseholdPage.vue'),
    meta: { permission: 'registry.read' },
  },
  {
    path: 'registry/import',
    name: 'registry-import',
    component: () => import('./ImportWizard.vue'),
    meta: { permission: 'registry.import' },
  },
]
