import type { Messages } from '@/shared/i18n'

export const workerMessages: Messages = {
  'zh-CN': { worker: { home: '我的网格' } },
  en: { worker: { home: 'My grids' } },
}
