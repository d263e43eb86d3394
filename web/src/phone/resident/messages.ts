import type { Messages } from '@/shared/i18n'

export const residentMessages: Messages = {
  'zh-CN': { resident: { home: '我要反映' } },
  en: { resident: { home: 'Report a problem' } },
}
