// Where a user's view of the tree starts: the nodes of their scope, or the provinces for a
// national scope (the API has no list of roots, so they are found by search).
import type { Me } from '@/shared/session'
import { regionApi, type Region } from './api'
import { NATIONAL_ROOT_QUERIES, uniqueByCode } from './logic'

let cached: { key: string; roots: Promise<Region[]> } | null = null

export function loadRoots(me: Me | null): Promise<Region[]> {
  if (!me) return Promise.resolve([])
  const key = me.national ? '*' : me.scopes.join(',')
  if (cached?.key === key) return cached.roots
  const roots = (async () => {
    if (me.national) {
      const pages = await Promise.all(NATIONAL_ROOT_QUERIES.map((q) => regionApi.search(q, 1, 100)))
      return uniqueByCode(pages.flatMap((p) => p.items))
    }
    const views = await Promise.allSettled(me.scopes.map((code) => regionApi.get(code)))
    return uniqueByCode(views.flatMap((v) => (v.status === 'fulfilled' ? [v.value as Region] : [])))
  })()
  cached = { key, roots }
  roots.catch(() => (cached = null))
  return roots
}

// Every child of a node, page by page (a unit rarely has more than a few dozen dwellings, a
// community a few hundred buildings).
export async function loadAllChildren(code: string): Promise<Region[]> {
  const out: Region[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await regionApi.children(code, 1000, offset)
    out.push(...page.items)
    if (out.length >= page.total || page.items.length === 0) return out
  }
}
