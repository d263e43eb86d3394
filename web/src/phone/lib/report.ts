// Building the body of POST /api/events from the report form, and the few checks worth doing
// before the server sees it (the server checks everything again and its messages win).

export interface Coordinates {
  latitude: number
  longitude: number
}

export interface ReportForm {
  categoryCode: string
  categoryName: string
  regionCode: string
  regionName: string
  title: string
  description: string
  coordinates: Coordinates | null
  anonymous?: boolean
}

export interface ReportPayload {
  category_code: string
  region_code: string
  title: string
  description?: string
  source?: 'patrol'
  latitude?: number
  longitude?: number
  anonymous?: boolean
}

export type FieldErrors = Partial<Record<'category_code' | 'region_code' | 'title' | 'description', string>>

function characters(text: string): number {
  return [...text].length
}

// The title the worker did not have to type: the category and the place (暴露垃圾 · 1栋).
export function defaultTitle(form: Pick<ReportForm, 'categoryName' | 'regionName'>): string {
  return [form.categoryName, form.regionName].filter(Boolean).join(' · ').slice(0, 100)
}

export function buildReportPayload(form: ReportForm, staff: boolean): ReportPayload {
  const payload: ReportPayload = {
    category_code: form.categoryCode,
    region_code: form.regionCode,
    title: form.title.trim() || defaultTitle(form),
  }
  const description = form.description.trim()
  if (description) payload.description = description
  // Staff reports on the phone are what a patrol found; a resident's source is set by the server.
  if (staff) payload.source = 'patrol'
  if (form.coordinates) {
    payload.latitude = Number(form.coordinates.latitude.toFixed(6))
    payload.longitude = Number(form.coordinates.longitude.toFixed(6))
  }
  if (form.anonymous) payload.anonymous = true
  return payload
}

// Keys are the server's field names so its error details land on the same fields.
export function checkReport(payload: ReportPayload, locale = 'zh-CN'): FieldErrors {
  const en = locale.startsWith('en')
  const errors: FieldErrors = {}
  if (!payload.category_code) errors.category_code = en ? 'Choose a category.' : '请选择事件类别'
  if (!payload.region_code) errors.region_code = en ? 'Choose the place.' : '请选择地点'
  const length = characters(payload.title)
  if (length < 2 || length > 100) errors.title = en ? 'A title of 2-100 characters.' : '标题须为 2-100 个字'
  if (payload.description && characters(payload.description) > 2000) {
    errors.description = en ? 'At most 2000 characters.' : '描述不能超过 2000 个字'
  }
  return errors
}
