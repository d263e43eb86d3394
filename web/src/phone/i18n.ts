import { createLocale } from '@/shared/i18n'
import { sharedMessages } from '@/shared/messages'
import { phoneMessages } from './messages'
import { workerMessages } from './worker/messages'
import { residentMessages } from './resident/messages'

export const i18n = createLocale(sharedMessages, phoneMessages, workerMessages, residentMessages)
