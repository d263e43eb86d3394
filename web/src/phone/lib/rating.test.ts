import { describe, it, expect } from 'vitest'
import { ratingRequest, canRate } from './rating'

describe('ratingRequest', () => {
  it('sends the rating with the comment as note', () => {
    expect(ratingRequest('satisfied', ' 很快 ', 7)).toEqual({ satisfaction: 'satisfied', note: '很快', version: 7 })
    expect(ratingRequest('basically_satisfied', '')).toEqual({ satisfaction: 'basically_satisfied' })
  })

  it('asks the server to reopen on 不满意', () => {
    expect(ratingRequest('dissatisfied', '还是没修好')).toEqual({ satisfaction: 'dissatisfied', note: '还是没修好', reopen: true })
  })
})

describe('canRate', () => {
  it('only a closed event not rated yet', () => {
    expect(canRate({ state: 'closed', satisfaction: null })).toBe(true)
    expect(canRate({ state: 'closed', satisfaction: 'satisfied' })).toBe(false)
    expect(canRate({ state: 'verified', satisfaction: null })).toBe(false)
  })
})
