import type { Messages } from '@/shared/i18n'

export const eventMessages: Messages = {
  'zh-CN': { event: { menu: '事件办理' } },
  en: { event: { menu: 'Events' } },
}
