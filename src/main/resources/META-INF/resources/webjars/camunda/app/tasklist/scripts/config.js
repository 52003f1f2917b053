// GridCase configuration of Tasklist (replaces the webjar's default config.js).
export default {
  // one login for all webapps: see ../../gridcase/single-login.js; Camunda Forms' validation
  // messages in Chinese: ../../gridcase/form-messages.js
  customScripts: ['../gridcase/single-login', '../gridcase/form-messages'],

  // the title bar and the browser tab read "GridCase 任务中心"
  app: {name: '任务中心', vendor: 'GridCase'},

  // Chinese whatever the browser prefers: the webapps pick navigator.languages[0] when it is
  // available and the fallback otherwise, so zh is the only locale (locales/zh.json, with Chinese
  // month and weekday names and dates as 2026-10-09 14:30)
  locales: {availableLocales: ['zh'], fallbackLocale: 'zh'},
  dateFormat: {normal: 'LLL', long: 'LLLL', abbr: 'lll', short: 'LL'},

  // Tasklist's default keyboard shortcuts
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前所选的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '转到第一个任务筛选'},
    focusList: {key: 'ctrl+alt+l', description: '转到任务列表的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '转到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开“发起流程”对话框'}
  }
};
