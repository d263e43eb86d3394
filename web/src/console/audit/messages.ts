import type { Messages } from '@/shared/i18n'

export const auditMessages: Messages = {
  'zh-CN': { audit: { menu: '审计日志' } },
  en: { audit: { menu: 'Audit log' } },
}
