// GridCase: one login for every webapp, Spring Security's form at /login. The webapps' own login
// view is never used: whenever a webapp would show it (after "Log out", or when the session has
// expired and its API answers 401), the browser goes to the GridCase login form instead.
const contextPath = window.location.pathname.split('/camunda/app/')[0];

function toGridCaseLogin() {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace(contextPath + '/login');
  }
}

window.addEventListener('hashchange', toGridCaseLogin);
toGridCaseLogin();

// the webapps' index.html says lang="en"; their text is Chinese (locales/zh.json): say so, for
// screen readers and for the browser's choice of a Chinese font
document.documentElement.lang = 'zh-CN';
