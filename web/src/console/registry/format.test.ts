import { describe, expect, it } from 'vitest'
import { changedFields, dispositionName, downloadName, filledFields, formatTime, label, timeline } from './format'

const messages: Record<string, string> = { 'registry.vocab.sex.M': '男' }
const t = (key: string) => messages[key] ?? key

describe('label', () => {
  it('words a known code, shows an unknown one as it is and a missing one as a dash', () => {
    expect(label(t, 'sex', 'M')).toBe('男')
    expect(label(t, 'sex', 'X')).toBe('X')
    expect(label(t, 'sex', '')).toBe('—')
    expect(label(t, 'sex', null)).toBe('—')
  })
})

describe('formatTime', () => {
  it('shows a timestamp as local minutes and leaves junk alone', () => {
    const iso = '2026-12-03T12:02:08.352Z'
    const d = new Date(iso)
    const p = (n: number) => String(n).padStart(2, '0')
    expect(formatTime(iso)).toBe(`${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`)
    expect(formatTime('not a time')).toBe('not a time')
    expect(formatTime(null)).toBe('—')
  })
})

describe('timeline', () => {
  it('merges events and changes newest first, one entry per save', () => {
    const entries = timeline({
      events: [
        { id: 1, kind: 'registered', occurred_on: '2026-01-01', from_code: null, to_code: 'x', place: '', note: '', recorded_by: 'demo', recorded_at: '2026-01-01T00:00:00.000Z' },
      ],
      changes: [
        { id: 11, field: 'phone', old: '138****0000', new: '139****0000', actor: 'community', at: '2026-03-01T00:00:00.000Z' },
        { id: 10, field: 'name', old: '张三', new: '张叁', actor: 'community', at: '2026-03-01T00:00:00.000Z' },
        { id: 9, field: 'employment', old: '', new: '务工', actor: 'street', at: '2026-02-01T00:00:00.000Z' },
      ],
    })
    expect(entries.map((e) => e.kind)).toEqual(['change', 'change', 'event'])
    const first = entries[0]
    expect(first.kind === 'change' && first.changes.map((c) => c.field)).toEqual(['name', 'phone'])
    expect(first.kind === 'change' && first.actor).toBe('community')
  })
})

describe('changedFields', () => {
  const original = { name: '张三', phone: '138****0000', id_number: '610921**********73', employment: '', education: null }
  it('sends only what changed, trimmed', () => {
    expect(changedFields(original, { name: ' 张三 ', employment: '务工 ', education: '' })).toEqual({ employment: '务工' })
  })
  it('sends a masked field only when a new value was typed', () => {
    expect(changedFields(original, { phone: '', id_number: '' })).toEqual({})
    expect(changedFields(original, { phone: '13900000000' })).toEqual({ phone: '13900000000' })
  })
  it('clears a field the user emptied', () => {
    expect(changedFields({ employment: '务工' }, { employment: '  ' })).toEqual({ employment: '' })
  })
})

describe('filledFields', () => {
  it('leaves empty fields to the server', () => {
    expect(filledFields({ name: ' 李四 ', phone: '', sex: 'M' })).toEqual({ name: '李四', sex: 'M' })
  })
})

describe('file names', () => {
  it('reads the UTF-8 filename of a Content-Disposition first', () => {
    expect(dispositionName(`attachment; filename="people.xlsx"; filename*=UTF-8''%E4%BA%BA%E5%8F%A3.xlsx`)).toBe('人口.xlsx')
    expect(dispositionName('attachment; filename="people.csv"')).toBe('people.csv')
    expect(dispositionName(null)).toBe('')
  })
  it('names a download by kind and date', () => {
    expect(downloadName('people', 'csv', new Date(2026, 0, 5))).toBe('people-20260105.csv')
  })
})
