// The category tree from /api/event-categories' flat list (each row names its parent).
import type { Category } from './types'

export interface CategoryNode {
  value: string
  label: string
  children?: CategoryNode[]
  disabled?: boolean
}

export function categoryTree(items: Category[], locale: string, leavesOnly = false): CategoryNode[] {
  const en = locale.startsWith('en')
  const sorted = [...items].sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code))
  const nodes = new Map<string, CategoryNode>()
  for (const c of sorted) nodes.set(c.code, { value: c.code, label: (en && c.name_en) || c.name })
  const roots: CategoryNode[] = []
  for (const c of sorted) {
    const node = nodes.get(c.code)!
    const parent = c.parent_code ? nodes.get(c.parent_code) : undefined
    if (parent) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  // A report names a category, never a whole class: classes can only be opened.
  if (leavesOnly) for (const root of roots) if (root.children?.length) root.disabled = true
  return roots
}

export function categoryNames(items: Category[], locale: string): Map<string, string> {
  const en = locale.startsWith('en')
  const byCode = new Map(items.map((c) => [c.code, c]))
  const names = new Map<string, string>()
  for (const c of items) {
    const own = (en && c.name_en) || c.name
    const parent = c.parent_code ? byCode.get(c.parent_code) : undefined
    names.set(c.code, parent ? `${(en && parent.name_en) || parent.name} / ${own}` : own)
  }
  return names
}
