import type { Messages } from '@/shared/i18n'

export const registryMessages: Messages = {
  'zh-CN': { registry: { menu: '人口信息' } },
  en: { registry: { menu: 'Registry' } },
}
