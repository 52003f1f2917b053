// GridCase: the validation messages of Camunda Forms (form-js, inside Tasklist) in Chinese.
// form-js writes them in English in code ("Field is required."), outside the webapps' locale
// files; each message it shows is replaced here by its Chinese text as soon as it appears.
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern (.+)\.$/, (m) => '格式不正确（须符合 ' + m[1] + '）。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => '不能小于 ' + m[1] + '。'],
  [/^Field must have maximum value of (.+)\.$/, (m) => '不能大于 ' + m[1] + '。'],
  [/^Field must have minimum length of (.+)\.$/, (m) => '至少填写 ' + m[1] + ' 个字。'],
  [/^Field must have maximum length of (.+)\.$/, (m) => '最多填写 ' + m[1] + ' 个字。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的电话号码。'],
  [/^Field must be an integer\.$/, () => '须为整数。'],
  [/^Field must have at most (\d+) decimal digits?\.$/, (m) => '最多 ' + m[1] + ' 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => '数值无效，最接近的有效值为 ' + m[1] + ' 和 ' + m[2] + '。']
];

function translate(item) {
  const text = item.textContent.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      item.textContent = chinese(match);
      return;
    }
  }
}

function translateAll(root) {
  if (root.querySelectorAll) {
    root.querySelectorAll('.fjs-form-field-error li').forEach(translate);
  }
}

new MutationObserver((changes) => {
  for (const change of changes) {
    const target = change.target.nodeType === Node.TEXT_NODE ? change.target.parentElement : change.target;
    if (target && target.closest && target.closest('.fjs-form-field-error')) {
      translateAll(target.closest('.fjs-form-field-error'));
    } else {
      change.addedNodes.forEach((node) => node.nodeType === Node.ELEMENT_NODE && translateAll(node));
    }
  }
}).observe(document.body, {childList: true, subtree: true, characterData: true});
