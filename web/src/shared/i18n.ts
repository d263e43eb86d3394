// Chinese first, English second. Each area of the web keeps its own messages beside its screens
// and hands them to createLocale, so no one file holds every string.
import { createI18n } from 'vue-i18n'

export type Messages = { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> }

const STORAGE_KEY = 'shequ.locale'

export function preferredLocale(): 'zh-CN' | 'en' {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null
  return saved === 'en' ? 'en' : 'zh-CN'
}

export function saveLocale(locale: 'zh-CN' | 'en'): void {
  localStorage.setItem(STORAGE_KEY, locale)
}

function merge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key]
    if (value && typeof value === 'object' && !Array.isArray(value) && existing && typeof existing === 'object') {
      merge(existing as Record<string, unknown>, value as Record<string, unknown>)
    } else {
      target[key] = value
    }
  }
  return target
}

export function mergeMessages(...parts: Messages[]): Messages {
  const all: Messages = { 'zh-CN': {}, en: {} }
  for (const part of parts) {
    merge(all['zh-CN'], part['zh-CN'])
    merge(all.en, part.en)
  }
  return all
}

export function createLocale(...parts: Messages[]) {
  return createI18n({
    legacy: false,
    locale: preferredLocale(),
    fallbackLocale: 'zh-CN',
    messages: mergeMessages(...parts) as never,
  })
}
