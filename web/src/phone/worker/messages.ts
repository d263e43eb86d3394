import type { Messages } from '@/shared/i18n'

export const workerMessages: Messages = {
  'zh-CN': {
    worker: {
      home: '我的网格', tabs: { home: '首页', report: '上报', tasks: '任务', households: '住户', alerts: '消息' },
      hello: '{name}，您好', myGrids: '我服务的网格', noGrid: '暂未分配网格', buildings: '楼栋',
      households: '登记户', residents: '居民', open: '待办', overdue: '已超时', waiting: '待受理',
      quickReport: '随手拍 · 上报事件',
      tasks: { mine: '我的任务', waiting: '待受理', empty: '暂无任务', reporter: '上报人' },
      action: {
        accept: '受理', self_dispatch: '自行处置', start: '签收处置', feedback: '办结反馈', return: '退回',
        escalate: '上报升级', reject: '不予受理', notePlaceholder: '填写说明', noteRequired: '请填写说明',
        done: '已{action}', confirm: '确认{action}',
      },
      hh: {
        title: '住户', unitEmpty: '该单元暂无登记户', byDwelling: '按住户显示居民', members: '家庭成员',
        head: '户主', memberCount: '{n} 人', reveal: '查看明文', revealReason: '查看原因',
        revealReasonPlaceholder: '如：入户走访核对信息', idNumber: '身份证号', phone: '电话', noMembers: '暂无成员',
        number: '户号', address: '地址', relation: { head: '户主', spouse: '配偶', son: '子', daughter: '女', father: '父亲', mother: '母亲', grandchild: '孙子女', grandparent: '祖父母', son_in_law: '女婿', daughter_in_law: '儿媳', sibling: '兄弟姐妹', other_relative: '其他亲属', non_relative: '非亲属' },
      },
      alerts: { title: '消息', empty: '暂无消息', open: '查看', clear: '全部已读' },
    },
  },
  en: {
    worker: {
      home: 'My grids', tabs: { home: 'Home', report: 'Report', tasks: 'Tasks', households: 'Households', alerts: 'Alerts' },
      hello: 'Hello, {name}', myGrids: 'Grids I serve', noGrid: 'No grid assigned yet', buildings: 'Buildings',
      households: 'Households', residents: 'Residents', open: 'To do', overdue: 'Overdue', waiting: 'Waiting',
      quickReport: 'Snap and report',
      tasks: { mine: 'My tasks', waiting: 'Waiting', empty: 'No tasks', reporter: 'Reporter' },
      action: {
        accept: 'Accept', self_dispatch: 'Handle myself', start: 'Start', feedback: 'Report done', return: 'Return',
        escalate: 'Escalate', reject: 'Reject', notePlaceholder: 'Add a note', noteRequired: 'A note is required',
        done: '{action}: done', confirm: '{action}',
      },
      hh: {
        title: 'Households', unitEmpty: 'No household registered in this unit', byDwelling: 'Residents by dwelling',
        members: 'Members', head: 'Head', memberCount: '{n} people', reveal: 'Reveal', revealReason: 'Reason',
        revealReasonPlaceholder: 'e.g. checking on a home visit', idNumber: 'ID number', phone: 'Phone',
        noMembers: 'No members', number: 'Number', address: 'Address',
        relation: { head: 'Head', spouse: 'Spouse', son: 'Son', daughter: 'Daughter', father: 'Father', mother: 'Mother', grandchild: 'Grandchild', grandparent: 'Grandparent', son_in_law: 'Son-in-law', daughter_in_law: 'Daughter-in-law', sibling: 'Sibling', other_relative: 'Relative', non_relative: 'Not related' },
      },
      alerts: { title: 'Alerts', empty: 'No alerts', open: 'Open', clear: 'Mark all read' },
    },
  },
}
