// GridCase configuration of Admin (replaces the webjar's default config.js).
export default {
  // one login for all webapps: see ../../gridcase/single-login.js
  customScripts: ['../gridcase/single-login'],

  // the title bar and the browser tab read "GridCase 用户与权限管理"
  app: {name: '用户与权限管理', vendor: 'GridCase'},

  // Chinese whatever the browser prefers: the webapps pick navigator.languages[0] when it is
  // available and the fallback otherwise, so zh is the only locale (locales/zh.json, with Chinese
  // month and weekday names and dates as 2026-10-09 14:30)
  locales: {availableLocales: ['zh'], fallbackLocale: 'zh'},
  dateFormat: {normal: 'LLL', long: 'LLLL', abbr: 'lll', short: 'LL'}
};
