import type { Messages } from '@/shared/i18n'

export const residentMessages: Messages = {
  'zh-CN': {
    resident: {
      home: '我要反映', tabs: { report: '我要反映', mine: '我的反映' }, mine: '我的反映', empty: '还没有反映过问题',
      intro: '看到问题？拍张照片告诉社区，我们会尽快处理。',
      rate: { title: '评价办理结果', comment: '评价意见', commentPlaceholder: '说说您的看法（选填）', submit: '提交评价',
        done: '感谢您的评价', reopened: '已重新打开，社区会再次处理', prompt: '事件已办结，请评价', choose: '请选择满意度' },
    },
  },
  en: {
    resident: {
      home: 'Report a problem', tabs: { report: 'Report', mine: 'My reports' }, mine: 'My reports',
      empty: 'You have not reported anything yet', intro: 'Seen a problem? Send a photo and the community will see to it.',
      rate: { title: 'Rate the result', comment: 'Comment', commentPlaceholder: 'Tell us more (optional)', submit: 'Send rating',
        done: 'Thank you for rating', reopened: 'Reopened: the community will look at it again', prompt: 'Finished: please rate it', choose: 'Choose a rating' },
    },
  },
}
