import type { Messages } from '@/shared/i18n'

export const phoneMessages: Messages = {
  'zh-CN': { phone: { console: '电脑版' } },
  en: { phone: { console: 'Desktop console' } },
}
