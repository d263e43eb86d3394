import { describe, expect, it } from 'vitest'
import { ApiError } from '@/shared/api'
import { faultyLines, formErrors, importFaults } from './errors'

const invalid = new ApiError(422, 'field_invalid', 'The ID number is not valid (GB 11643).', '公民身份号码校验码错误。', [
  { field: 'id_number', problem: 'check_character', message: 'The ID number is not valid (GB 11643).', message_zh: '公民身份号码校验码错误。' },
  { field: 'phone', problem: 'invalid_phone', message: 'Give an 11-digit mobile number.', message_zh: '联系电话应为 11 位手机号码。' },
  { field: 'phone', problem: 'second', message: 'later', message_zh: '后一条' },
])

describe('formErrors', () => {
  it('puts each fault on its field, in Chinese, the first per field', () => {
    expect(formErrors(invalid, ['id_number', 'phone'], 'zh-CN')).toEqual({
      fields: { id_number: '公民身份号码校验码错误。', phone: '联系电话应为 11 位手机号码。' },
      general: '',
    })
  })
  it('speaks English when asked', () => {
    expect(formErrors(invalid, ['id_number'], 'en').fields.id_number).toBe('The ID number is not valid (GB 11643).')
  })
  it('keeps faults on fields the form lacks as a general message', () => {
    const r = formErrors(invalid, ['id_number'], 'zh-CN')
    expect(r.fields).toEqual({ id_number: '公民身份号码校验码错误。' })
    expect(r.general).toBe('联系电话应为 11 位手机号码。；后一条')
  })
  it('uses the error message when there are no details', () => {
    const conflict = new ApiError(409, 'version_conflict', 'Changed meanwhile.', '记录已被他人修改。')
    expect(formErrors(conflict, ['name'], 'zh-CN')).toEqual({ fields: {}, general: '记录已被他人修改。' })
  })
  it('falls back to the error message for a detail without its own', () => {
    const e = new ApiError(422, 'field_missing', 'Give a name.', '请填写姓名。', [{ field: 'name', problem: 'missing' }])
    expect(formErrors(e, ['name'], 'zh-CN').fields.name).toBe('请填写姓名。')
  })
  it('handles errors that are not the server\'s', () => {
    expect(formErrors(new Error('boom'), ['name'], 'zh-CN')).toEqual({ fields: {}, general: 'boom' })
  })
})

describe('importFaults', () => {
  const refused = new ApiError(422, 'field_invalid', 'The file has 3 faults', '文件中有 3 处错误，未导入任何数据。', [
    { line: 5, column: '姓名', field: 'name', problem: 'required', message: 'Give a name.', message_zh: '请填写姓名。' },
    { line: 3, column: '公民身份号码', field: 'id_number', problem: 'check_character', message: 'bad', message_zh: '校验码错误。' },
    { line: 5, column: '联系电话', field: 'phone', problem: 'invalid_phone', message: 'bad phone', message_zh: '电话错误。' },
  ])
  it('lists faults in file order with line, column and message', () => {
    const faults = importFaults(refused, 'zh-CN')
    expect(faults.map((f) => [f.line, f.column, f.message])).toEqual([
      [3, '公民身份号码', '校验码错误。'],
      [5, '姓名', '请填写姓名。'],
      [5, '联系电话', '电话错误。'],
    ])
    expect(faultyLines(faults)).toEqual([3, 5])
  })
  it('reports a fault of the whole file as line 0, which names no line', () => {
    const file = new ApiError(422, 'field_invalid', 'No rows.', '文件中没有数据。', [{ field: 'file', problem: 'empty_file', line: 0 }])
    const faults = importFaults(file, 'zh-CN')
    expect(faults).toEqual([{ line: 0, column: '', field: 'file', problem: 'empty_file', message: '文件中没有数据。' }])
    expect(faultyLines(faults)).toEqual([])
  })
})
