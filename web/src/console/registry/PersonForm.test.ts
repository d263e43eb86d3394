// The form against a refusal: the server's message on the field it names, everything typed kept,
// and nothing but the filled fields sent.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createLocale } from '@/shared/i18n'
import { sharedMessages } from '@/shared/messages'
import { ApiError } from '@/shared/api'
import { registryMessages } from './messages'

// A plain function rather than vi.fn: vitest reported the refusal a vi.fn returned as unhandled.
const sent: unknown[] = []
let answer: () => Promise<unknown> = async () => ({})
vi.mock('./registryApi', () => ({
  createPerson: (body: unknown) => {
    sent.push(body)
    return answer()
  },
  updatePerson: vi.fn(),
  getPerson: vi.fn(),
  getRegion: vi.fn(),
  regionChildren: vi.fn(),
}))

import PersonForm from './PersonForm.vue'

async function mountForm() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/registry', name: 'registry', component: { template: '<div />' } },
      { path: '/registry/people/new', name: 'registry-person-new', component: PersonForm },
      { path: '/registry/people/:id', name: 'registry-person', component: { template: '<div>person</div>' } },
    ],
  })
  await router.push('/registry/people/new')
  await router.isReady()
  const wrapper = mount(PersonForm, {
    global: {
      plugins: [ElementPlus, router, createLocale(sharedMessages, registryMessages)],
      stubs: { RegionPicker: true, ElDatePicker: true, transition: false, 'transition-group': false },
    },
  })
  await flushPromises()
  return { wrapper, router }
}

beforeEach(() => {
  sent.length = 0
})

// Element Plus is heavy to mount on a shared machine.
describe('PersonForm', { timeout: 60_000 }, () => {
  it('shows the server message on the ID number field and keeps what was typed', async () => {
    const refusal = (
      new ApiError(422, 'field_invalid', 'The ID number is not valid (GB 11643).', '公民身份号码校验码错误。', [
        { field: 'id_number', problem: 'check_character', message: 'The ID number is not valid (GB 11643).', message_zh: '公民身份号码校验码错误。' },
      ])
    )
    answer = async () => {
      throw refusal
    }
    const { wrapper, router } = await mountForm()
    await wrapper.find('input[data-test="person-name-input"]').setValue(' 张三 ')
    await wrapper.find('input[data-test="person-id-number-input"]').setValue('610921199001011230')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    // The form item shows its error after a 100 ms debounce.
    await new Promise((resolve) => setTimeout(resolve, 150))
    await flushPromises()

    expect(sent).toEqual([{
      name: '张三', id_number: '610921199001011230', residence_type: 'registered', arrival: 'registered',
    }])
    expect(wrapper.find('[data-test="field-id_number"] .el-form-item__error').text()).toBe('公民身份号码校验码错误。')
    expect(wrapper.find('[data-test="field-name"] .el-form-item__error').exists()).toBe(false)
    expect((wrapper.find('input[data-test="person-name-input"]').element as HTMLInputElement).value).toBe(' 张三 ')
    expect((wrapper.find('input[data-test="person-id-number-input"]').element as HTMLInputElement).value).toBe('610921199001011230')
    expect(router.currentRoute.value.name).toBe('registry-person-new')
  })

  it('goes to the new person once saved', async () => {
    answer = async () => ({ id: 42 })
    const { wrapper, router } = await mountForm()
    await wrapper.find('input[data-test="person-name-input"]').setValue('李四')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/registry/people/42')
  })
})
