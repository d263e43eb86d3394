import type { Messages } from '@/shared/i18n'

export const consoleMessages: Messages = {
  'zh-CN': { console: { phoneLink: '手机版', scope: '管辖范围', national: '全国', moreScopes: '{names} 等 {count} 处', live: '实时提醒' } },
  en: { console: { phoneLink: 'Phone pages', scope: 'Scope', national: 'Nationwide', moreScopes: '{names} and {count} in all', live: 'Live alerts' } },
}
