import { createLocale } from '@/shared/i18n'
import { sharedMessages } from '@/shared/messages'
import { consoleMessages } from './layout/messages'
import { regionMessages } from './regions/messages'
import { registryMessages } from './registry/messages'
import { eventMessages } from './events/messages'
import { dashboardMessages } from './dashboard/messages'
import { auditMessages } from './audit/messages'

export const i18n = createLocale(
  sharedMessages,
  consoleMessages,
  regionMessages,
  registryMessages,
  eventMessages,
  dashboardMessages,
  auditMessages,
)
