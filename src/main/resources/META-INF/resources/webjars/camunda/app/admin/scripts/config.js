// GridCase configuration of Admin (replaces the webjar's default config.js).
export default {
  // one login for all webapps: see ../../gridcase/single-login.js
  customScripts: ['../gridcase/single-login']
};
