// What the worker pages share: the grids the worker serves and the places inside them.
import { ref } from 'vue'
import { session } from '@/shared/session'
import { myGrids, placesApi, nodeName, type Grid } from '../lib/places'
import type { Place } from '../common/PlacePicker.vue'

export const grids = ref<Grid[]>([])
export const gridPlaces = ref<Place[]>([])
let loading: Promise<void> | null = null

// The worker's places are the nodes of their grids; without a grid, the places of their scope.
export function loadGrids(force = false): Promise<void> {
  if (loading && !force) return loading
  loading = (async () => {
    const me = session.me
    if (!me) return
    grids.value = await myGrids(me.scopes, me.id)
    const codes = [...new Set(grids.value.length ? grids.value.flatMap((g) => g.nodes) : me.scopes)]
    const nodes = await Promise.all(codes.map((code) => placesApi.node(code).catch(() => null)))
    gridPlaces.value = nodes.filter((n) => n !== null).map((n) => ({ code: n.code, name: nodeName(n), leaf: n.level >= 9 }))
  })().catch((e) => {
    loading = null
    throw e
  })
  return loading
}
