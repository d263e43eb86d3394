import type { Messages } from '@/shared/i18n'

// Words both sides of the phone pages use: reporting, events, their timeline.
export const phoneMessages: Messages = {
  'zh-CN': {
    phone: {
      console: '电脑版',
      report: {
        category: '事件类别', categoryPlaceholder: '请选择类别', place: '地点', placePlaceholder: '请选择地点',
        title: '标题', titlePlaceholder: '不填则用“类别 · 地点”', description: '问题描述',
        descriptionPlaceholder: '说明看到的情况（选填）', photos: '现场照片', location: '定位',
        locating: '正在获取定位…', located: '已定位 {lat}, {lng}', noLocation: '未获取定位（可不填）',
        relocate: '重新定位', submit: '提交上报', submitted: '已上报', retryPhotos: '重新上传照片',
        viewEvent: '查看事件', photoFailed: '照片上传失败', photoTooBig: '照片不能超过 10 MiB',
        anonymous: '匿名反映', choosePlace: '选择此处', pickHere: '就在这里', uploading: '上传中…',
        reportedBut: '事件已上报（{ref}），但有照片未上传成功',
      },
      event: {
        reference: '编号', state: '状态', category: '类别', place: '地点', reportedAt: '上报时间',
        reporter: '上报人', holder: '当前办理', handler: '承办人', due: '办结时限', description: '描述',
        photos: '照片', timeline: '办理经过', noDue: '无时限', attachments: '附件', rated: '已评价',
        supervision: { yellow: '黄牌督办', red: '红牌督办' },
      },
      step: {
        report: '上报', accept: '受理', reject: '不予受理', dispatch: '派遣', start: '签收处置', feedback: '反馈',
        return: '退回', escalate: '上报升级', extension_request: '延期申请', extension_approved: '批准延期',
        extension_denied: '驳回延期', verify: '核查', close: '结案', shelve: '挂账', resume: '恢复办理',
        merge: '合并', merged_in: '合并并入', supervise: '督办', summons: '吹哨', 'check-in': '报到',
        reopen: '重新打开', rating: '评价', overdue: '超时', auto_escalate: '自动上报', summons_late: '报到超时',
      },
      satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' },
      loadFailed: '加载失败', noMore: '没有更多了',
    },
  },
  en: {
    phone: {
      console: 'Desktop console',
      report: {
        category: 'Category', categoryPlaceholder: 'Choose a category', place: 'Place', placePlaceholder: 'Choose the place',
        title: 'Title', titlePlaceholder: 'Blank: “category · place”', description: 'Description',
        descriptionPlaceholder: 'What you saw (optional)', photos: 'Photos', location: 'Location',
        locating: 'Locating…', located: 'Located {lat}, {lng}', noLocation: 'No location (optional)',
        relocate: 'Locate again', submit: 'Report', submitted: 'Reported', retryPhotos: 'Upload photos again',
        viewEvent: 'Open the event', photoFailed: 'Photo upload failed', photoTooBig: 'A photo is at most 10 MiB',
        anonymous: 'Anonymous', choosePlace: 'Choose this place', pickHere: 'Here', uploading: 'Uploading…',
        reportedBut: 'Reported ({ref}), but some photos did not upload',
      },
      event: {
        reference: 'Reference', state: 'State', category: 'Category', place: 'Place', reportedAt: 'Reported',
        reporter: 'Reporter', holder: 'Held by', handler: 'Handler', due: 'Due', description: 'Description',
        photos: 'Photos', timeline: 'Timeline', noDue: 'No deadline', attachments: 'Files', rated: 'Rated',
        supervision: { yellow: 'Yellow card', red: 'Red card' },
      },
      step: {
        report: 'Reported', accept: 'Accepted', reject: 'Rejected', dispatch: 'Dispatched', start: 'Started',
        feedback: 'Feedback', return: 'Returned', escalate: 'Escalated', extension_request: 'Extension asked',
        extension_approved: 'Extension granted', extension_denied: 'Extension refused', verify: 'Verified',
        close: 'Closed', shelve: 'Shelved', resume: 'Resumed', merge: 'Merged', merged_in: 'Merged in',
        supervise: 'Supervised', summons: 'Summoned', 'check-in': 'Checked in', reopen: 'Reopened',
        rating: 'Rated', overdue: 'Overdue', auto_escalate: 'Auto-escalated', summons_late: 'Check-in late',
      },
      satisfaction: { satisfied: 'Satisfied', basically_satisfied: 'Fairly satisfied', dissatisfied: 'Dissatisfied' },
      loadFailed: 'Could not load', noMore: 'No more',
    },
  },
}
