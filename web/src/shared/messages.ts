// Words every screen shares: roles, event states, levels, common actions.
import type { Messages } from './i18n'

export const sharedMessages: Messages = {
  'zh-CN': {
    app: { name: '社区网格化治理与服务平台', short: '社区网格' },
    common: {
      signIn: '登录', signOut: '退出登录', username: '用户名', password: '密码', save: '保存', cancel: '取消',
      confirm: '确定', submit: '提交', search: '搜索', reset: '重置', back: '返回', loading: '加载中…',
      empty: '暂无数据', more: '更多', edit: '编辑', add: '新增', delete: '删除', export: '导出',
      import: '导入', retry: '重试', language: 'English', saved: '已保存', required: '必填',
    },
    role: {
      admin: '系统管理员', county: '县级领导', street: '街道指挥中心', community: '社区工作人员',
      grid_worker: '网格员', department: '职能部门', resident: '居民',
    },
  },
  en: {
    app: { name: 'Community Grid Governance and Service', short: 'Community grid' },
    common: {
      signIn: 'Sign in', signOut: 'Sign out', username: 'Username', password: 'Password', save: 'Save',
      cancel: 'Cancel', confirm: 'OK', submit: 'Submit', search: 'Search', reset: 'Reset', back: 'Back',
      loading: 'Loading…', empty: 'Nothing here', more: 'More', edit: 'Edit', add: 'Add', delete: 'Delete',
      export: 'Export', import: 'Import', retry: 'Retry', language: '中文', saved: 'Saved', required: 'Required',
    },
    role: {
      admin: 'Administrator', county: 'County leader', street: 'Street command centre', community: 'Community staff',
      grid_worker: 'Grid worker', department: 'Department', resident: 'Resident',
    },
  },
}
