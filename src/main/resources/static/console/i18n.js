// Every text the console shows, in Chinese (the default at a Chinese counter) and English.
// Error texts tell the clerk what to do next, not only what went wrong.

const plural = (n, one, many) => (Number(n) === 1 ? one : many);

const zh = {
  'app.title': '社保卡服务台',
  'language.switch': 'English',
  signOut: '退出登录',
  'who': '{user} · {role} · {branch}',
  'who.noBranch': '{user} · {role}',

  'signIn.title': '工作人员登录',
  'signIn.username': '用户名',
  'signIn.password': '密码',
  'signIn.submit': '登录',
  'signIn.note': '登录凭据只保存在本页面内存中：刷新或关闭页面即退出登录。',
  'signIn.notStaff': '该账号不是工作人员账号，不能使用服务台。请使用柜员、服务窗口或管理员账号登录。',
  'signIn.expired': '登录已过期，请重新登录。',
  'signIn.signedOut': '已退出登录。',

  'lookup.label': '社保卡号',
  'lookup.hint': '9 位字母或数字，例如 A10000001',
  'lookup.submit': '查询',

  'card.title': '社保卡',
  'card.holder': '持卡人',
  'card.noFinancial': '该卡没有金融账户。',
  'fact.name': '姓名',
  'fact.idNumber': '身份证号码',
  'fact.phone': '手机号码',
  'fact.insuredRegion': '参保地区代码',
  'fact.cardStatus': '卡片状态',
  'fact.applications': '应用',
  'fact.status': '状态',
  'fact.activatedAt': '激活时间',
  'fact.activatedAtBranch': '激活网点',
  'fact.activationChannel': '激活渠道',
  'fact.bank': '开户银行',
  'fact.accountNumber': '银行账号',
  'fact.accountType': '币种 / 类型',
  'fact.none': '—',

  'status.PENDING_ACTIVATION': '待激活',
  'status.ACTIVE': '已激活',
  'status.LOCKED': '已锁定',
  'cardStatus.NORMAL': '正常',
  'application.HUMAN_RESOURCES': '人社',
  'application.SOCIAL_SECURITY': '社保',
  'application.FINANCIAL': '金融',
  'type.DEBIT': '借记',
  'channel.SERVICE_HALL': '社保服务大厅',
  'channel.HOSPITAL': '定点医院',
  'channel.PHARMACY': '定点药店',
  'channel.BANK_COUNTER': '银行柜台',
  'channel.WECHAT': '微信',
  'channel.ALIPAY': '支付宝',
  'channel.E_SSC_MINI_PROGRAM': '电子社保卡小程序',
  'channel.MOBILE_BANKING': '手机银行',
  'role.TELLER': '银行柜员',
  'role.SERVICE_WINDOW': '服务窗口',
  'role.ADMIN': '管理员',
  'account.CARD': '卡片',
  'account.SOCIAL_SECURITY': '社保账户',
  'account.FINANCIAL': '金融账户',
  'eventAction.CARD_ISSUED': '发卡',
  'eventAction.ACTIVATED': '激活',
  'eventAction.PIN_MISMATCH': '密码错误',
  'eventAction.LOCKED': '锁定',
  'eventAction.PIN_RESET': '重置密码',
  'eventAction.REJECTED': '被拒绝',
  'outcome.SUCCEEDED': '成功',
  'outcome.REJECTED': '被拒绝',

  'actions.title': '业务办理',
  'actions.none': '该卡当前没有您可以办理的业务。',
  'actions.adminOnly': '管理员只能查询卡片和办理记录。',
  'action.combined': '一并激活社保和金融账户',
  'action.ss-activation': '激活社保账户',
  'action.fin-activation': '激活金融账户',
  'action.ss-reset': '重置社保账户密码',
  'action.fin-reset': '重置金融账户密码',
  'action.events': '办理记录',
  'form.submit.combined': '一并激活',
  'form.submit.ss-activation': '激活社保账户',
  'form.submit.fin-activation': '激活金融账户',
  'form.submit.ss-reset': '重置密码',
  'form.submit.fin-reset': '重置密码',
  'form.cancel': '取消',
  'form.intro.combined': '核对持卡人身份证原件。社保账户和金融账户同时激活，任一项不通过则都不激活。',
  'form.intro.ss-activation': '持卡人输入当前密码，并设置新的 6 位密码。',
  'form.intro.fin-activation': '核对持卡人身份证原件后办理。',
  'form.intro.ss-reset': '持卡人须本人携带身份证原件办理。重置后账户解锁。',
  'form.intro.fin-reset': '持卡人须本人携带身份证原件办理。',

  'field.id-number': '身份证号码',
  'field.holder-name': '持卡人姓名',
  'field.phone': '手机号码',
  'field.current-pin': '社保账户当前密码',
  'field.new-pin': '新密码',
  'field.new-pin.confirm': '再次输入新密码',
  'field.social-security-pin': '社保账户新密码',
  'field.social-security-pin.confirm': '再次输入社保账户新密码',
  'field.financial-pin': '金融账户新密码',
  'field.financial-pin.confirm': '再次输入金融账户新密码',
  'hint.id-number': '18 位，末位可以是 X',
  'hint.phone': '中国大陆手机号，可以带 +86、空格或连字符',
  'hint.current-pin': '由持卡人输入；未激活的账户为发卡时的初始密码',
  'hint.new-pin': '6 位数字，由持卡人输入两次；不能用 123456、相同或连续的数字、出生日期或身份证号后六位',

  'invalid.required': '请填写此项。',
  'invalid.cardNumber': '卡号是 9 位大写字母或数字。',
  'invalid.pin': '密码是 6 位数字。',
  'invalid.pinConfirm': '两次输入的密码不一致，请持卡人重新输入两次。',
  'invalid.phone': '请输入中国大陆手机号（11 位，以 1 开头），可以带 +86、空格或连字符。',
  'invalid.idNumber': '身份证号码是 18 位：17 位数字加 1 位数字或 X。',
  'invalid.name': '请填写持卡人姓名（最多 50 个字）。',
  'invalid.form': '有内容需要修改，请查看标出的输入项。',

  'success.combined': '社保账户和金融账户均已激活。',
  'success.ss-activation': '社保账户已激活。',
  'success.fin-activation': '金融账户已激活。',
  'success.ss-reset': '社保账户密码已重置，账户已解锁。',
  'success.fin-reset': '金融账户密码已重置。',

  'events.title': '办理记录',
  'events.empty': '暂无记录。',
  'events.caption': '最新的记录在最前',
  'events.occurredAt': '时间',
  'events.account': '账户',
  'events.action': '事项',
  'events.outcome': '结果',
  'events.code': '原因代码',
  'events.channel': '渠道',
  'events.branch': '网点',
  'events.actor': '办理人',

  'detail': '详情：{detail}',
  'error.network': '无法连接服务。请检查网络后再提交一次；重复提交不会重复办理。',
  'error.unknown': (p) => `系统出错（${p.code || p.status}）。请稍后再试；如果一再出现，请联系技术支持。`,
  'error.VALIDATION_FAILED': (p) => `提交的内容有误${p.fields ? `（${p.fields}）` : ''}。请核对后重试。`,
  'error.UNAUTHENTICATED': '用户名或密码不正确，请重新输入。多次输错会被暂时限制登录。',
  'error.FORBIDDEN': '您的岗位不能办理此业务。',
  'error.FORBIDDEN.ss-reset': '本窗口不能重置社保账户密码。请持卡人携带身份证到社保服务大厅或银行柜台办理。',
  'error.CARD_NOT_FOUND': (p) => `查不到卡号 ${p.cardNumber}，或该卡不由您所在城市（或银行）办理。请核对卡号；异地参保的卡请持卡人到参保地办理。`,
  'error.NOT_FOUND': '请求的内容不存在。请刷新页面后重试。',
  'error.ALREADY_ACTIVE': '该账户已经激活，无需再办理。卡片信息已刷新。',
  'error.NOT_ACTIVE': '该账户尚未激活，不能重置密码。请先办理激活。',
  'error.DUPLICATE': '该记录已经存在。',
  'error.CONCURRENT_UPDATE': '这张卡刚被另一笔业务修改。卡片信息已刷新，请核对后再提交。',
  'error.IDEMPOTENCY_KEY_IN_USE': '上一次提交还在处理中。请稍等几秒，重新查询卡片确认结果，不要重复提交。',
  'error.IDEMPOTENCY_KEY_REUSED': '这次提交与上一次未完成的提交内容不同。卡片信息已刷新，请核对后重新提交。',
  'error.PAYLOAD_TOO_LARGE': '提交的内容过长，请检查输入。',
  'error.PIN_MISMATCH': (p) => `当前密码不正确，还剩 ${p.remainingAttempts} 次机会，用完后账户将被锁定。请持卡人重新输入当前密码。`,
  'error.INITIAL_PIN_NOT_ALLOWED': '新密码不能是初始密码 123456。请持卡人另设一个 6 位密码。',
  'error.WEAK_PIN': '新密码太容易被猜到（相同或连续的数字、出生日期、身份证号后六位）。请持卡人另设一个密码。',
  'error.OUTSIDE_INSURED_REGION': (p) => `该卡的参保地区是 ${p.insuredRegionCode}（代码以 ${p.city} 开头的城市），不在您网点所在的城市。请告知持卡人到参保地城市的社保服务大厅、合作银行网点或定点医院、药店办理。`,
  'error.WRONG_BANK': (p) => `该卡的金融账户开在 ${p.bankCode}，本行不能办理。请持卡人到 ${p.bankCode} 的网点或用其手机银行办理。`,
  'error.IDENTITY_MISMATCH': '身份证号码或姓名与持卡人不符。请核对身份证原件后重新输入。',
  'error.NO_FINANCIAL_ACCOUNT': '该卡没有金融账户，只能办理社保账户业务。',
  'error.CURRENCY_NOT_SUPPORTED': '只支持人民币（CNY）账户。',
  'error.CREDIT_NOT_SUPPORTED': '社保卡的金融账户只能是借记账户，不能是信用账户。',
  'error.ACCOUNT_LOCKED': '该账户已锁定（当前密码连续输错）。请持卡人本人携带身份证到社保服务大厅或银行柜台当面重置密码。',
  'error.TOO_MANY_REQUESTS': (p) => `尝试次数过多，请 ${p.retryAfter || '稍'} 秒后再试。`,
  'error.SERVICE_UNAVAILABLE': '服务暂时不可用（数据库无法连接）。请稍后再试；如果一再出现，请联系技术支持。',
};

const en = {
  'app.title': 'Social security card console',
  'language.switch': '中文',
  signOut: 'Sign out',
  'who': '{user} · {role} · {branch}',
  'who.noBranch': '{user} · {role}',

  'signIn.title': 'Staff sign-in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.note': 'Your sign-in is kept only in this page\'s memory: reloading or closing the page signs you out.',
  'signIn.notStaff': 'This is not a staff account and cannot use the console. Sign in as a teller, service window or administrator.',
  'signIn.expired': 'Your sign-in has expired. Please sign in again.',
  'signIn.signedOut': 'Signed out.',

  'lookup.label': 'Card number',
  'lookup.hint': '9 letters or digits, e.g. A10000001',
  'lookup.submit': 'Look up',

  'card.title': 'Card',
  'card.holder': 'Holder',
  'card.noFinancial': 'This card has no financial account.',
  'fact.name': 'Name',
  'fact.idNumber': 'ID number',
  'fact.phone': 'Mobile phone',
  'fact.insuredRegion': 'Insured region',
  'fact.cardStatus': 'Card status',
  'fact.applications': 'Applications',
  'fact.status': 'Status',
  'fact.activatedAt': 'Activated at',
  'fact.activatedAtBranch': 'Activated at branch',
  'fact.activationChannel': 'Activation channel',
  'fact.bank': 'Bank',
  'fact.accountNumber': 'Account number',
  'fact.accountType': 'Currency / type',
  'fact.none': '—',

  'status.PENDING_ACTIVATION': 'Pending activation',
  'status.ACTIVE': 'Active',
  'status.LOCKED': 'Locked',
  'cardStatus.NORMAL': 'Normal',
  'application.HUMAN_RESOURCES': 'Human resources',
  'application.SOCIAL_SECURITY': 'Social security',
  'application.FINANCIAL': 'Financial',
  'type.DEBIT': 'Debit',
  'channel.SERVICE_HALL': 'Service hall',
  'channel.HOSPITAL': 'Hospital',
  'channel.PHARMACY': 'Pharmacy',
  'channel.BANK_COUNTER': 'Bank counter',
  'channel.WECHAT': 'WeChat',
  'channel.ALIPAY': 'Alipay',
  'channel.E_SSC_MINI_PROGRAM': 'e-SSC mini-program',
  'channel.MOBILE_BANKING': 'Mobile banking',
  'role.TELLER': 'Bank teller',
  'role.SERVICE_WINDOW': 'Service window',
  'role.ADMIN': 'Administrator',
  'account.CARD': 'Card',
  'account.SOCIAL_SECURITY': 'Social-security account',
  'account.FINANCIAL': 'Financial account',
  'eventAction.CARD_ISSUED': 'Card issued',
  'eventAction.ACTIVATED': 'Activated',
  'eventAction.PIN_MISMATCH': 'Wrong PIN',
  'eventAction.LOCKED': 'Locked',
  'eventAction.PIN_RESET': 'PIN reset',
  'eventAction.REJECTED': 'Rejected',
  'outcome.SUCCEEDED': 'Succeeded',
  'outcome.REJECTED': 'Rejected',

  'actions.title': 'Services',
  'actions.none': 'Nothing you can do for this card right now.',
  'actions.adminOnly': 'Administrators can look up cards and their events only.',
  'action.combined': 'Activate both accounts',
  'action.ss-activation': 'Activate social-security account',
  'action.fin-activation': 'Activate financial account',
  'action.ss-reset': 'Reset social-security PIN',
  'action.fin-reset': 'Reset financial PIN',
  'action.events': 'Events',
  'form.submit.combined': 'Activate both',
  'form.submit.ss-activation': 'Activate social-security account',
  'form.submit.fin-activation': 'Activate financial account',
  'form.submit.ss-reset': 'Reset PIN',
  'form.submit.fin-reset': 'Reset PIN',
  'form.cancel': 'Cancel',
  'form.intro.combined': 'Check the holder\'s ID card. Both accounts are activated together, or neither is.',
  'form.intro.ss-activation': 'The holder enters the current PIN and chooses a new six-digit PIN.',
  'form.intro.fin-activation': 'Check the holder\'s ID card first.',
  'form.intro.ss-reset': 'The holder must be present with the ID card. The reset unlocks the account.',
  'form.intro.fin-reset': 'The holder must be present with the ID card.',

  'field.id-number': 'ID number',
  'field.holder-name': 'Holder\'s name',
  'field.phone': 'Mobile phone',
  'field.current-pin': 'Current social-security PIN',
  'field.new-pin': 'New PIN',
  'field.new-pin.confirm': 'New PIN again',
  'field.social-security-pin': 'New social-security PIN',
  'field.social-security-pin.confirm': 'New social-security PIN again',
  'field.financial-pin': 'New financial PIN',
  'field.financial-pin.confirm': 'New financial PIN again',
  'hint.id-number': '18 characters; the last may be X',
  'hint.phone': 'Mainland mobile number; +86, spaces and hyphens are fine',
  'hint.current-pin': 'Typed by the holder; the initial PIN if the account was never activated',
  'hint.new-pin': 'Six digits, typed twice by the holder; not 123456, equal or consecutive digits, the birth date or the end of the ID number',

  'invalid.required': 'Fill this in.',
  'invalid.cardNumber': 'A card number is 9 capital letters or digits.',
  'invalid.pin': 'A PIN is six digits.',
  'invalid.pinConfirm': 'The two PINs differ. Ask the holder to type the new PIN twice again.',
  'invalid.phone': 'Enter a mainland mobile number (11 digits starting with 1); +86, spaces and hyphens are fine.',
  'invalid.idNumber': 'An ID number is 17 digits followed by a digit or X.',
  'invalid.name': 'Enter the holder\'s name (at most 50 characters).',
  'invalid.form': 'Some fields need correcting; see the marked fields.',

  'success.combined': 'Both accounts are active.',
  'success.ss-activation': 'The social-security account is active.',
  'success.fin-activation': 'The financial account is active.',
  'success.ss-reset': 'The social-security PIN is reset and the account unlocked.',
  'success.fin-reset': 'The financial PIN is reset.',

  'events.title': 'Events',
  'events.empty': 'No events.',
  'events.caption': 'Newest first',
  'events.occurredAt': 'Time',
  'events.account': 'Account',
  'events.action': 'Action',
  'events.outcome': 'Outcome',
  'events.code': 'Reason code',
  'events.channel': 'Channel',
  'events.branch': 'Branch',
  'events.actor': 'By',

  'detail': 'Details: {detail}',
  'error.network': 'Cannot reach the service. Check the network and submit again; a repeated submission is never carried out twice.',
  'error.unknown': (p) => `Something went wrong (${p.code || p.status}). Try again later; if it keeps happening, call support.`,
  'error.VALIDATION_FAILED': (p) => `Some input was not accepted${p.fields ? ` (${p.fields})` : ''}. Check it and try again.`,
  'error.UNAUTHENTICATED': 'Wrong username or password; try again. Repeated failures block sign-in for a while.',
  'error.FORBIDDEN': 'Your role may not do this.',
  'error.FORBIDDEN.ss-reset': 'This window may not reset the social-security PIN. Send the holder with the ID card to a service hall or a bank counter.',
  'error.CARD_NOT_FOUND': (p) => `No card ${p.cardNumber} that your city (or bank) serves. Check the number; a card insured in another city must be served there.`,
  'error.NOT_FOUND': 'Not found. Reload the page and try again.',
  'error.ALREADY_ACTIVE': 'The account is already active; nothing to do. The card has been refreshed.',
  'error.NOT_ACTIVE': 'The account has never been activated, so its PIN cannot be reset. Activate it instead.',
  'error.DUPLICATE': 'That already exists.',
  'error.CONCURRENT_UPDATE': 'Another request changed this card just now. The card has been refreshed; check it and submit again.',
  'error.IDEMPOTENCY_KEY_IN_USE': 'The previous submission is still being processed. Wait a few seconds and look the card up again; do not submit again.',
  'error.IDEMPOTENCY_KEY_REUSED': 'This submission differs from an unfinished earlier one. The card has been refreshed; check it and submit again.',
  'error.PAYLOAD_TOO_LARGE': 'The submission is too long; check the input.',
  'error.PIN_MISMATCH': (p) => `Wrong current PIN: ${p.remainingAttempts} ${plural(p.remainingAttempts, 'attempt', 'attempts')} left before the account locks. Ask the holder to type the current PIN again.`,
  'error.INITIAL_PIN_NOT_ALLOWED': 'The new PIN cannot be the initial PIN 123456. Ask the holder to choose another six-digit PIN.',
  'error.WEAK_PIN': 'The new PIN is too easy to guess (equal or consecutive digits, the birth date, the end of the ID number). Ask the holder to choose another.',
  'error.OUTSIDE_INSURED_REGION': (p) => `This card is insured in region ${p.insuredRegionCode} (the city with codes starting ${p.city}), not in your branch's city. Tell the holder to go to a service hall, cooperating bank, designated hospital or pharmacy in that city.`,
  'error.WRONG_BANK': (p) => `The card's financial account is held at ${p.bankCode}; your bank cannot serve it. The holder must go to a ${p.bankCode} branch or use its mobile banking app.`,
  'error.IDENTITY_MISMATCH': 'The ID number or name does not match the holder. Check the ID card and enter them again.',
  'error.NO_FINANCIAL_ACCOUNT': 'This card has no financial account; only the social-security account can be served.',
  'error.CURRENCY_NOT_SUPPORTED': 'Only CNY accounts are supported.',
  'error.CREDIT_NOT_SUPPORTED': 'A card\'s financial account can only be a debit account.',
  'error.ACCOUNT_LOCKED': 'The account is locked (too many wrong PINs). The holder must reset the PIN in person, with the ID card, at a service hall or a bank counter.',
  'error.TOO_MANY_REQUESTS': (p) => `Too many attempts. Try again in ${p.retryAfter || 'a few'} seconds.`,
  'error.SERVICE_UNAVAILABLE': 'The service is unavailable (its database cannot be reached). Try again shortly; if it keeps happening, call support.',
};

const TEXTS = { 'zh-CN': zh, en };

let current = 'zh-CN';

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = TEXTS[lang] ? lang : 'zh-CN';
}

export function otherLanguage() {
  return current === 'en' ? 'zh-CN' : 'en';
}

export function has(key) {
  return key in TEXTS[current];
}

/** The text for key, with {name} placeholders filled from params; the key itself if none exists. */
export function t(key, params = {}) {
  const text = TEXTS[current][key] ?? zh[key];
  if (text === undefined) {
    return key;
  }
  if (typeof text === 'function') {
    return text(params);
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** A code from the API shown with its label when there is one, else as it came. */
export function label(group, value) {
  if (value === null || value === undefined || value === '') {
    return t('fact.none');
  }
  const key = `${group}.${value}`;
  return has(key) ? t(key) : String(value);
}

export function formatTime(iso) {
  if (!iso) {
    return t('fact.none');
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}
