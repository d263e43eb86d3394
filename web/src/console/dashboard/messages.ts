import type { Messages } from '@/shared/i18n'

export const dashboardMessages: Messages = {
  'zh-CN': { dashboard: { menu: '数据驾驶舱' } },
  en: { dashboard: { menu: 'Dashboard' } },
}
