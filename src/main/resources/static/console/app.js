// The staff console: sign in, look a card up, serve it. Everything is built with DOM calls and
// textContent, never by parsing strings as HTML, so nothing the API returns can become markup or script.

import * as api from './api.js';
import * as names from './names.js';
import { t, has, label, formatTime, language, setLanguage, otherLanguage } from './i18n.js';

const $ = (id) => document.getElementById(id);

const ss = (card) => card.socialSecurityAccount.status;
const fin = (card) => card.financialAccount && card.financialAccount.status;
const resettable = (status) => status === 'ACTIVE' || status === 'LOCKED';
// While a card is not NORMAL (lost, replaced, cancelled) the API refuses every activation and
// reset with CARD_BLOCKED: those services are not offered then.
const normal = (card) => card.status === 'NORMAL';

const field = (kind, name, id) => ({ kind, name, id });
const ID_NUMBER = field('id-number', 'idNumber', 'id-number');
const HOLDER_NAME = field('holder-name', 'holderName', 'holder-name');
const PHONE = field('phone', 'phone', 'phone');
const CURRENT_PIN = field('pin', 'currentPin', 'current-pin');
const NEW_PIN = field('new-pin', 'newPin', 'new-pin');

const STAFF = ['TELLER', 'SERVICE_WINDOW', 'ADMIN'];

// Where a service may be done, as API.md rules, from the clerk's own branch (`here`: its kind,
// region and bank, from the reference data). Each answers null when the place allows the service,
// else why not: the console then offers no button but says where to send the holder, instead of
// letting the clerk fill a form the API would refuse (OUTSIDE_INSURED_REGION, WRONG_BANK, 403).
const IN_CITY = (card, here) => (here.regionCode.slice(0, 4) === card.insuredRegionCode.slice(0, 4) ? null : 'city');
const AT_BANK = (card, here) => (card.financialAccount && card.financialAccount.bankCode === here.bankCode ? null : 'bank');
// Only a service hall's window, or a bank counter, resets, unlocks and takes formal loss reports.
const HALL_OR_COUNTER = (card, here) => (here.kind === 'SERVICE_HALL' || here.kind === 'BANK_BRANCH' ? null : 'hall');

// Which role may do what, in which state of the card, and where, follows API.md. Without the
// clerk's branch (reference data unavailable) the places are not checked here: the API decides,
// and its refusal is explained.
const ACTIONS = [
  {
    id: 'combined', roles: ['TELLER'], path: '/activation', places: [IN_CITY, AT_BANK],
    fields: [ID_NUMBER, HOLDER_NAME, PHONE, CURRENT_PIN,
      field('new-pin', 'socialSecurityPin', 'social-security-pin'), field('new-pin', 'financialPin', 'financial-pin')],
    applies: (card) => normal(card) && ss(card) === 'PENDING_ACTIVATION' && fin(card) === 'PENDING_ACTIVATION',
  },
  {
    id: 'ss-activation', roles: ['SERVICE_WINDOW', 'TELLER'], path: '/social-security-account/activation',
    places: [IN_CITY],
    fields: [CURRENT_PIN, NEW_PIN, PHONE],
    applies: (card) => normal(card) && ss(card) === 'PENDING_ACTIVATION',
  },
  {
    id: 'fin-activation', roles: ['TELLER'], path: '/financial-account/activation', places: [AT_BANK],
    fields: [ID_NUMBER, HOLDER_NAME, PHONE, NEW_PIN],
    applies: (card) => normal(card) && fin(card) === 'PENDING_ACTIVATION',
  },
  {
    // The phone is asked every time: a reset of an account that locked while still sealed is its
    // activation and must record it (PHONE_REQUIRED), and otherwise it refreshes the contact phone.
    id: 'ss-reset', roles: ['SERVICE_WINDOW', 'TELLER'], path: '/social-security-account/pin-reset',
    places: [HALL_OR_COUNTER, IN_CITY],
    fields: [ID_NUMBER, HOLDER_NAME, NEW_PIN, PHONE],
    applies: (card) => normal(card) && resettable(ss(card)),
  },
  {
    id: 'fin-reset', roles: ['TELLER'], path: '/financial-account/pin-reset', places: [AT_BANK],
    fields: [ID_NUMBER, HOLDER_NAME, NEW_PIN],
    applies: (card) => normal(card) && resettable(fin(card)),
  },
  // The PIN services of the social-security account. Verification answers {"verified": true}
  // rather than the card.
  {
    id: 'ss-unlock', roles: ['SERVICE_WINDOW', 'TELLER'], path: '/social-security-account/unlock',
    places: [HALL_OR_COUNTER, IN_CITY],
    fields: [ID_NUMBER, HOLDER_NAME],
    applies: (card) => normal(card) && ss(card) === 'LOCKED',
  },
  {
    id: 'ss-verify', roles: ['SERVICE_WINDOW', 'TELLER'], path: '/social-security-account/pin-verification',
    places: [IN_CITY],
    fields: [field('pin', 'pin', 'pin')], answersCard: false,
    applies: (card) => normal(card) && ss(card) === 'ACTIVE',
  },
  {
    id: 'ss-change', roles: ['SERVICE_WINDOW', 'TELLER'], path: '/social-security-account/pin-change',
    places: [IN_CITY],
    fields: [CURRENT_PIN, NEW_PIN],
    applies: (card) => normal(card) && ss(card) === 'ACTIVE',
  },
  // Loss reports: any staff who may read the card (whoever sees it here may), a formal one only in
  // person at a service hall or a bank counter.
  {
    id: 'loss-temporary', roles: STAFF, path: '/loss-report', body: { kind: 'TEMPORARY' }, places: [],
    fields: [ID_NUMBER, HOLDER_NAME],
    applies: normal,
  },
  {
    id: 'loss-formal', roles: ['SERVICE_WINDOW', 'TELLER'], path: '/loss-report', body: { kind: 'FORMAL' },
    places: [HALL_OR_COUNTER],
    fields: [ID_NUMBER, HOLDER_NAME],
    applies: (card) => card.status === 'NORMAL' || card.status === 'TEMPORARILY_LOST',
  },
  {
    id: 'loss-release', roles: STAFF, path: '/loss-report/release', places: [],
    fields: [ID_NUMBER, HOLDER_NAME],
    applies: (card) => card.status === 'TEMPORARILY_LOST',
  },
];

/** Null when the clerk may do the action on the card here, else the reason it must be done elsewhere. */
function elsewhere(action, card) {
  const here = names.ownBranch();
  if (!here) {
    return null;
  }
  for (const place of action.places) {
    const reason = place(card, here);
    if (reason) {
      return reason;
    }
  }
  return null;
}

// These answers mean the card changed under the clerk's feet: show it as it is now.
const REFRESH_AFTER = ['CARD_BLOCKED', 'ALREADY_ACTIVE', 'NOT_ACTIVE', 'NOT_LOCKED', 'ACCOUNT_LOCKED', 'CONCURRENT_UPDATE',
  'IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REUSED'];

const state = {
  card: null,
  holderCards: null,
  events: null,
  open: null,
  message: null,
  busy: false,
  expiry: null,
  // Kept only until the form is edited: resubmitting an unchanged form after a lost answer
  // reuses the key, and the API replays the first answer instead of acting twice.
  keys: new Map(),
  fieldErrors: new Map(),
};

// ---- start-up ------------------------------------------------------------------------------

function start() {
  buildActions();
  applyTexts();
  $('loading').remove();
  $('sign-in-view').hidden = false;
  $('language').addEventListener('click', switchLanguage);
  $('sign-out').addEventListener('click', () => endSession('signIn.signedOut'));
  $('sign-in-form').addEventListener('submit', signIn);
  $('lookup-form').addEventListener('submit', lookUp);
  $('username').focus();
}

function switchLanguage() {
  setLanguage(otherLanguage());
  applyTexts();
  renderWho();
  renderHolderCards();
  renderCard();
  renderEvents();
  renderMessage(false);
  state.fieldErrors.forEach((build, input) => showFieldError(input, build));
}

function applyTexts() {
  document.documentElement.lang = language();
  document.title = t('app.title');
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  const switcher = $('language');
  switcher.textContent = t('language.switch');
  switcher.lang = otherLanguage();
}

// ---- session -------------------------------------------------------------------------------

async function signIn(event) {
  event.preventDefault();
  if (state.busy) {
    return;
  }
  const form = event.target;
  clearFieldErrors(form);
  const username = $('username');
  const password = $('password');
  const invalid = [username, password].filter((input) => input.value.trim() === '');
  invalid.forEach((input) => setFieldError(input, () => t('invalid.required')));
  if (invalid.length) {
    invalid[0].focus();
    return;
  }
  const result = await during(form, () => api.signIn(username.value.trim(), password.value));
  password.value = '';
  if (!result) {
    password.focus();
    return;
  }
  if (!result.ok) {
    showProblem(result, { kind: 'sign-in' });
    password.focus();
    return;
  }
  const caller = api.caller();
  if (!STAFF.includes(caller.role)) {
    api.signOut();
    showMessage('error', () => t('signIn.notStaff'), 'FORBIDDEN');
    username.focus();
    return;
  }
  username.value = '';
  // Names and the clerk's own branch; a failure leaves codes on screen, and the API decides.
  await names.load().catch(() => {});
  if (!api.caller()) {
    endSession('signIn.expired');
    return;
  }
  clearMessage();
  $('sign-in-view').hidden = true;
  $('work-view').hidden = false;
  $('sign-out').hidden = false;
  renderWho();
  // Ends an unattended session when the token would be refused anyway (setTimeout fires at
  // once for delays past 2^31 ms, hence the cap).
  const remaining = Math.min(Math.max(0, caller.expiresAt - Date.now()), 2 ** 31 - 1);
  state.expiry = setTimeout(() => endSession('signIn.expired'), remaining);
  $('card-number').focus();
}

function endSession(messageKey) {
  api.signOut();
  names.forget();
  clearTimeout(state.expiry);
  showHolderCards(null);
  showCard(null);
  $('card-number').value = '';
  clearFieldErrors($('lookup-form'));
  $('work-view').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in-view').hidden = false;
  renderWho();
  showMessage(messageKey === 'signIn.signedOut' ? 'info' : 'error', () => t(messageKey));
  $('username').focus();
}

function renderWho() {
  const who = $('who');
  const caller = api.caller();
  who.hidden = !caller;
  if (caller) {
    const params = { user: caller.username, role: label('role', caller.role), branch: names.branch(caller.branchCode) };
    who.textContent = t(caller.branchCode ? 'who' : 'who.noBranch', params);
  }
}

// ---- card look-up --------------------------------------------------------------------------

async function lookUp(event) {
  event.preventDefault();
  if (state.busy) {
    return;
  }
  const input = $('card-number');
  clearFieldErrors(event.target);
  const wanted = input.value.trim().toUpperCase();
  input.value = wanted;
  const byHolder = /^\d{17}[\dX]$/.test(wanted);
  if (!byHolder && !/^[A-Z0-9]{9}$/.test(wanted)) {
    setFieldError(input, () => t(wanted ? 'invalid.lookup' : 'invalid.required'));
    input.focus();
    return;
  }
  if (byHolder) {
    await lookUpHolder(event.target, wanted);
    return;
  }
  const result = await during(event.target, () => api.get(cardPath(wanted)));
  if (!result) {
    return;
  }
  showHolderCards(null);
  if (!result.ok) {
    showCard(null);
    showProblem(result, { kind: 'lookup', cardNumber: wanted });
    input.select();
    input.focus();
    return;
  }
  clearMessage();
  await showNamedCard(result.body);
  const first = [...$('action-buttons').children].find((button) => !button.hidden);
  (first || $('card-heading')).focus();
}

/** A holder who lost the card rarely knows its number: the ID number lists the holder's cards. */
async function lookUpHolder(form, idNumber) {
  const result = await during(form, () => api.get(`/api/v1/cards?idNumber=${encodeURIComponent(idNumber)}`));
  if (!result) {
    return;
  }
  showCard(null);
  if (!result.ok) {
    showHolderCards(null);
    showProblem(result, { kind: 'lookup' });
    $('card-number').select();
    $('card-number').focus();
    return;
  }
  clearMessage();
  showHolderCards(Array.isArray(result.body) ? result.body : []);
  const first = $('holder-cards-body').querySelector('button');
  (first || $('holder-cards-heading')).focus();
}

function showHolderCards(cards) {
  state.holderCards = cards;
  renderHolderCards();
}

function renderHolderCards() {
  const cards = state.holderCards;
  $('holder-cards').hidden = !cards;
  const container = $('holder-cards-body');
  container.replaceChildren();
  if (!cards) {
    return;
  }
  if (cards.length === 0) {
    container.append(element('p', { className: 'note', i18n: 'holderCards.empty' }));
    return;
  }
  const table = document.createElement('table');
  const caption = element('caption', { i18n: 'holderCards.caption' });
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const key of ['cardNumber', 'cardStatus', 'insuredRegion', 'socialSecurity', 'financial', 'replacementFor',
    'replacedBy']) {
    const cell = element('th', { i18n: `holderCards.${key}` });
    cell.scope = 'col';
    headRow.append(cell);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const card of cards) {
    const row = document.createElement('tr');
    row.dataset.card = card.cardNumber;
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'link mono';
    open.id = `open-${card.cardNumber}`;
    open.textContent = card.cardNumber;
    open.addEventListener('click', () => openCard(card.cardNumber));
    const numberCell = document.createElement('td');
    numberCell.append(open);
    row.append(numberCell);
    for (const value of [
      statusBadge(card.status, 'cardStatus'),
      names.region(card.insuredRegionCode),
      statusBadge(ss(card)),
      card.financialAccount ? statusBadge(fin(card)) : t('fact.none'),
      card.replacementFor || t('fact.none'),
      card.replacedBy || t('fact.none'),
    ]) {
      const cell = document.createElement('td');
      if (value instanceof Node) {
        cell.append(value);
      } else {
        cell.textContent = value;
      }
      row.append(cell);
    }
    body.append(row);
  }
  table.append(caption, head, body);
  container.append(table);
}

async function openCard(cardNumber) {
  if (state.busy) {
    return;
  }
  const result = await during(null, () => api.get(cardPath(cardNumber)));
  if (!result) {
    return;
  }
  if (!result.ok) {
    showProblem(result, { kind: 'lookup', cardNumber });
    return;
  }
  clearMessage();
  await showNamedCard(result.body);
  const first = [...$('action-buttons').children].find((button) => !button.hidden);
  (first || $('card-heading')).focus();
}

/** Shows a card once the names of the branches it mentions are known. */
async function showNamedCard(card) {
  const accounts = [card.socialSecurityAccount, card.financialAccount].filter(Boolean);
  await names.loadBranches(accounts.map((account) => account.activatedAtBranch)).catch(() => {});
  showCard(card);
}

/** Shows a card, or none. Another card than the one shown closes and empties every form. */
function showCard(card) {
  if (!card || !state.card || card.cardNumber !== state.card.cardNumber) {
    ACTIONS.forEach((action) => resetForm(action));
    closeForm();
    state.events = null;
    $('events-view').hidden = true;
    $('action-events').setAttribute('aria-expanded', 'false');
  }
  state.card = card;
  if (card && state.holderCards && state.holderCards.some((listed) => listed.cardNumber === card.cardNumber)) {
    state.holderCards = state.holderCards.map((listed) => (listed.cardNumber === card.cardNumber ? card : listed));
    renderHolderCards();
  }
  renderCard();
  renderEvents();
}

async function refreshCard() {
  if (!state.card) {
    return;
  }
  const result = await api.get(cardPath(state.card.cardNumber));
  if (result.ok) {
    await showNamedCard(result.body);
  } else if (result.status === 401) {
    endSession('signIn.expired');
  }
}

function cardPath(cardNumber, suffix = '') {
  return `/api/v1/cards/${encodeURIComponent(cardNumber)}${suffix}`;
}

function renderCard() {
  const card = state.card;
  $('card-panel').hidden = !card;
  if (!card) {
    return;
  }
  $('card-number-shown').textContent = card.cardNumber;
  const holder = card.holder || {};
  facts($('card-holder'), [
    ['name', 'fact.name', holder.name],
    ['id-number', 'fact.idNumber', holder.idNumber, 'mono'],
    ['phone', 'fact.phone', holder.phone || t('fact.none'), 'mono'],
    ['insured-region', 'fact.insuredRegion', names.region(card.insuredRegionCode)],
    ['card-status', 'fact.cardStatus', statusBadge(card.status, 'cardStatus')],
    ['applications', 'fact.applications', (card.applications || []).map((a) => label('application', a)).join('、')],
    ...lifecycleFacts(card),
  ]);
  const note = $('card-status-note');
  note.hidden = normal(card);
  note.textContent = normal(card) ? '' : t(`cardNote.${card.status}`, { replacedBy: card.replacedBy });
  const ssAccount = card.socialSecurityAccount;
  facts($('card-social-security'), accountFacts('ss', ssAccount));
  const account = card.financialAccount;
  $('card-financial').hidden = !account;
  $('card-no-financial').hidden = Boolean(account);
  if (account) {
    facts($('card-financial'), [
      ['fin-bank', 'fact.bank', names.bank(account.bankCode)],
      ['fin-account-number', 'fact.accountNumber', account.accountNumber, 'mono'],
      ['fin-type', 'fact.accountType', t('accountKind', { currency: label('currency', account.currency),
        type: label('type', account.type) })],
      ...accountFacts('fin', account),
    ]);
  }
  renderActions();
}

/** The card's life, shown only where there is something to say. */
function lifecycleFacts(card) {
  const rows = [];
  if (card.lossReportedAt) {
    rows.push(['loss-reported-at', 'fact.lossReportedAt', formatTime(card.lossReportedAt)]);
  }
  if (card.temporaryLossExpiresAt) {
    rows.push(['temporary-loss-expires-at', 'fact.temporaryLossExpiresAt', formatTime(card.temporaryLossExpiresAt)]);
  }
  if (card.replacementFor) {
    rows.push(['replacement-for', 'fact.replacementFor', card.replacementFor, 'mono']);
  }
  if (card.replacedBy) {
    rows.push(['replaced-by', 'fact.replacedBy', card.replacedBy, 'mono']);
  }
  return rows;
}

function accountFacts(prefix, account) {
  const rows = [[`${prefix}-status`, 'fact.status', statusBadge(account.status)]];
  if (account.activatedAt) {
    rows.push(
      [`${prefix}-activated-at`, 'fact.activatedAt', formatTime(account.activatedAt)],
      [`${prefix}-activated-at-branch`, 'fact.activatedAtBranch', names.branch(account.activatedAtBranch)],
      [`${prefix}-activation-channel`, 'fact.activationChannel', label('channel', account.activationChannel)],
    );
  }
  return rows;
}

function statusBadge(status, group = 'status') {
  const badge = document.createElement('span');
  badge.className = `badge badge-${String(status).toLowerCase().replace(/_/g, '-')}`;
  badge.dataset.status = status;
  badge.textContent = label(group, status);
  return badge;
}

function facts(list, rows) {
  list.replaceChildren();
  for (const [name, key, value, className] of rows) {
    const term = document.createElement('dt');
    term.textContent = t(key);
    const description = document.createElement('dd');
    description.dataset.field = name;
    if (className) {
      description.className = className;
    }
    if (value instanceof Node) {
      description.append(value);
    } else {
      description.textContent = value ?? t('fact.none');
    }
    list.append(term, description);
  }
}

// ---- actions -------------------------------------------------------------------------------

function buildActions() {
  const buttons = $('action-buttons');
  const forms = $('action-forms');
  for (const action of ACTIONS) {
    buttons.append(actionButton(action.id, `form-${action.id}`, () => toggleForm(action)));
    forms.append(buildForm(action));
  }
  buttons.append(actionButton('events', 'events-view', toggleEvents));
}

function actionButton(id, controls, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = `action-${id}`;
  button.className = 'action';
  button.dataset.i18n = `action.${id}`;
  button.setAttribute('aria-controls', controls);
  button.setAttribute('aria-expanded', 'false');
  button.hidden = true;
  button.addEventListener('click', onClick);
  return button;
}

function buildForm(action) {
  const form = document.createElement('form');
  form.id = `form-${action.id}`;
  form.className = 'action-form';
  form.noValidate = true;
  form.hidden = true;
  form.setAttribute('aria-labelledby', `form-${action.id}-title`);
  // The answer to a submission shows inside the form, next to the fields the clerk is at.
  const message = messageBox(`form-${action.id}-message`);
  form.append(
    element('h3', { id: `form-${action.id}-title`, i18n: `action.${action.id}` }),
    element('p', { className: 'note', i18n: `form.intro.${action.id}` }),
    message,
  );
  const grid = element('div', { className: 'fields' });
  let previous = null;
  for (const spec of action.fields) {
    const first = inputField(action, spec, false);
    // PINs get a row of their own, so that a PIN and its confirmation sit side by side.
    if (isPin(spec) && previous && !isPin(previous)) {
      first.classList.add('row-start');
    }
    grid.append(first);
    if (spec.kind === 'new-pin') {
      grid.append(inputField(action, spec, true));
    }
    previous = spec;
  }
  const buttons = element('div', { className: 'form-buttons' });
  const submit = element('button', { className: 'primary', i18n: `form.submit.${action.id}` });
  submit.type = 'submit';
  submit.id = `form-${action.id}-submit`;
  const cancel = element('button', { className: 'quiet-dark', i18n: 'form.cancel' });
  cancel.type = 'button';
  cancel.addEventListener('click', () => closeForm(true));
  buttons.append(submit, cancel);
  form.append(grid, buttons);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitAction(action, form);
  });
  form.addEventListener('input', () => state.keys.delete(action.id));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closeForm(true);
    }
  });
  return form;
}

function isPin(spec) {
  return spec.kind === 'pin' || spec.kind === 'new-pin';
}

function messageBox(id) {
  const box = element('div', { id, className: 'message' });
  box.setAttribute('role', 'alert');
  box.tabIndex = -1;
  box.dataset.messageBox = '';
  box.hidden = true;
  return box;
}

function inputField(action, spec, confirm) {
  const id = `${action.id}-${spec.id}${confirm ? '-confirm' : ''}`;
  const wrapper = element('div', { className: 'field' });
  const labelElement = element('label', { i18n: `field.${spec.id}${confirm ? '.confirm' : ''}` });
  labelElement.htmlFor = id;
  const input = document.createElement('input');
  input.id = id;
  input.name = confirm ? `${spec.name}Confirm` : spec.name;
  input.required = true;
  input.autocomplete = 'off';
  input.spellcheck = false;
  const described = [];
  if (isPin(spec)) {
    input.type = 'password';
    input.inputMode = 'numeric';
    input.setAttribute('pattern', '\\d{6}');
    input.maxLength = 6;
    input.dataset.pin = spec.kind;
  } else if (spec.kind === 'phone') {
    input.type = 'tel';
    input.maxLength = 32;
  } else if (spec.kind === 'id-number') {
    input.maxLength = 18;
    input.autocapitalize = 'characters';
  } else {
    input.maxLength = 50;
  }
  const hintKey = spec.kind === 'new-pin' ? 'hint.new-pin' : `hint.${spec.id}`;
  if (!confirm && (spec.kind !== 'holder-name')) {
    const hint = element('p', { id: `${id}-hint`, className: 'hint', i18n: hintKey });
    described.push(hint.id);
    wrapper.append(labelElement, input, hint);
  } else {
    wrapper.append(labelElement, input);
  }
  const error = element('p', { id: `${id}-error`, className: 'field-error' });
  error.hidden = true;
  described.push(error.id);
  input.setAttribute('aria-describedby', described.join(' '));
  wrapper.append(error);
  return wrapper;
}

function element(tag, { id, className, i18n } = {}) {
  const created = document.createElement(tag);
  if (id) {
    created.id = id;
  }
  if (className) {
    created.className = className;
  }
  if (i18n) {
    created.dataset.i18n = i18n;
    created.textContent = t(i18n);
  }
  return created;
}

function renderActions() {
  const role = api.caller() && api.caller().role;
  const card = state.card;
  let shown = 0;
  // The services this clerk would do on this card but may not do here: reason -> their actions.
  const referrals = new Map();
  for (const action of ACTIONS) {
    const wanted = action.roles.includes(role) && action.applies(card);
    const reason = wanted ? elsewhere(action, card) : null;
    const allowed = wanted && !reason;
    $(`action-${action.id}`).hidden = !allowed;
    if (allowed) {
      shown += 1;
    } else if (state.open === action.id) {
      closeForm(false);
    }
    if (reason) {
      referrals.set(reason, [...(referrals.get(reason) || []), action.id]);
    }
  }
  $('action-events').hidden = !STAFF.includes(role);
  const none = $('no-actions');
  none.hidden = shown > 0;
  none.textContent = t(role === 'ADMIN' && normal(card) ? 'actions.adminOnly' : 'actions.none');
  renderElsewhere(card, referrals);
}

/** Where to send the holder for what cannot be done here: the insured city, the account's bank, a service hall. */
function renderElsewhere(card, referrals) {
  const list = $('elsewhere');
  list.replaceChildren();
  list.hidden = referrals.size === 0;
  const bankCode = card.financialAccount && card.financialAccount.bankCode;
  const params = {
    region: names.region(card.insuredRegionCode),
    city: names.cityName(card.insuredRegionCode) || card.insuredRegionCode.slice(0, 4),
    bank: names.bank(bankCode),
    bankName: names.bankName(bankCode) || bankCode,
  };
  for (const [reason, actions] of referrals) {
    const item = element('li');
    item.dataset.reason = reason;
    item.textContent = t(`elsewhere.${reason}`, { ...params, actions: actions.map((id) => t(`action.${id}`)).join(t('list.separator')) });
    list.append(item);
  }
}

function toggleForm(action) {
  if (state.open === action.id) {
    closeForm(true);
    return;
  }
  closeForm(false);
  state.open = action.id;
  const form = $(`form-${action.id}`);
  form.hidden = false;
  $(`action-${action.id}`).setAttribute('aria-expanded', 'true');
  form.querySelector('input').focus();
}

/** Closes the open form; with returnFocus, focus goes back to the button that opened it. */
function closeForm(returnFocus) {
  if (!state.open) {
    return;
  }
  const action = ACTIONS.find((candidate) => candidate.id === state.open);
  state.open = null;
  resetForm(action);
  if (state.message && state.message.box === `form-${action.id}-message`) {
    clearMessage();
  }
  $(`form-${action.id}`).hidden = true;
  const button = $(`action-${action.id}`);
  button.setAttribute('aria-expanded', 'false');
  if (returnFocus) {
    (button.hidden ? $('card-heading') : button).focus();
  }
}

function resetForm(action) {
  const form = $(`form-${action.id}`);
  form.reset();
  clearFieldErrors(form);
  state.keys.delete(action.id);
}

function clearPins(form) {
  form.querySelectorAll('input[data-pin]').forEach((input) => {
    input.value = '';
  });
}

/** Reads and checks the form; returns the request body, or null after marking what is wrong. */
function readForm(action, form) {
  const body = {};
  const invalid = [];
  const check = (input, valid, messageKey) => {
    if (input.value.trim() === '') {
      setFieldError(input, () => t('invalid.required'));
      invalid.push(input);
    } else if (!valid) {
      setFieldError(input, () => t(messageKey));
      invalid.push(input);
    }
  };
  for (const spec of action.fields) {
    const input = $(`${action.id}-${spec.id}`);
    const value = input.value.trim();
    if (isPin(spec)) {
      check(input, /^\d{6}$/.test(input.value), 'invalid.pin');
      body[spec.name] = input.value;
      if (spec.kind === 'new-pin') {
        const confirm = $(`${action.id}-${spec.id}-confirm`);
        if (confirm.value === '') {
          check(confirm, false, 'invalid.required');
        } else if (/^\d{6}$/.test(input.value) && confirm.value !== input.value) {
          // Both are typed again: which of the two was mistyped cannot be known.
          setFieldError(confirm, () => t('invalid.pinConfirm'));
          invalid.push(input);
          input.value = '';
          confirm.value = '';
        }
      }
    } else if (spec.kind === 'phone') {
      check(input, isMobile(value), 'invalid.phone');
      body[spec.name] = value;
    } else if (spec.kind === 'id-number') {
      check(input, /^\d{17}[\dXx]$/.test(value), 'invalid.idNumber');
      body[spec.name] = value.toUpperCase();
    } else {
      check(input, value.length <= 50, 'invalid.name');
      body[spec.name] = value;
    }
  }
  if (invalid.length) {
    showMessage('error', () => t('invalid.form'), 'INVALID_INPUT', `form-${action.id}-message`);
    invalid[0].focus();
    return null;
  }
  return body;
}

/** The API's own rule: +86, spaces and hyphens are allowed around an 11-digit mainland number. */
function isMobile(text) {
  let digits = text.replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) {
    digits = digits.slice(3);
  }
  return text.length <= 32 && /^1[3-9]\d{9}$/.test(digits);
}

async function submitAction(action, form) {
  if (state.busy) {
    return;
  }
  clearFieldErrors(form);
  const fields = readForm(action, form);
  if (!fields) {
    return;
  }
  const body = { ...(action.body || {}), ...fields };
  if (!state.keys.has(action.id)) {
    state.keys.set(action.id, api.newIdempotencyKey());
  }
  const result = await during(form, () => api.post(cardPath(state.card.cardNumber, action.path), body,
    state.keys.get(action.id)));
  if (!result) {
    // Not answered: the PINs stay so that submitting again sends the same request.
    return;
  }
  state.keys.delete(action.id);
  // A PIN stays on screen no longer than the one request it was typed for.
  clearPins(form);
  if (result.ok) {
    if (action.answersCard === false) {
      await refreshCard();
      if (!api.caller()) {
        return;
      }
    } else {
      await showNamedCard(result.body);
    }
    closeForm(false);
    showMessage('success', () => t(`success.${action.id}`), 'OK');
    if (!$('events-view').hidden) {
      await loadEvents();
    }
    // From the outcome, one Tab leads to the card number field for the next holder.
    $('message').focus();
    return;
  }
  const code = result.problem && result.problem.code;
  if (REFRESH_AFTER.includes(code) && result.status !== 401) {
    await refreshCard();
    if (!api.caller()) {
      return;
    }
  }
  const stillOpen = state.open === action.id;
  showProblem(result, { kind: 'action', action: action.id, cardNumber: state.card.cardNumber },
    stillOpen ? `form-${action.id}-message` : 'message');
  if (!api.caller()) {
    return;
  }
  if (stillOpen) {
    focusFor(action, code, result.problem).focus();
  } else {
    $('message').focus();
  }
}

/** The field the clerk has to deal with after this answer. */
function focusFor(action, code, problem) {
  const byName = (name) => {
    const spec = action.fields.find((candidate) => candidate.name === name);
    return spec && $(`${action.id}-${spec.id}`);
  };
  const first = $(`form-${action.id}`).querySelector('input');
  if (code === 'PIN_MISMATCH') {
    return byName('currentPin') || first;
  }
  if (code === 'WEAK_PIN' || code === 'INITIAL_PIN_NOT_ALLOWED' || code === 'PIN_UNCHANGED') {
    return byName('newPin') || byName('socialSecurityPin') || first;
  }
  if (code === 'IDENTITY_MISMATCH') {
    return byName('idNumber') || first;
  }
  if (code === 'VALIDATION_FAILED' && problem && Array.isArray(problem.errors) && problem.errors.length) {
    return byName(problem.errors[0].field) || first;
  }
  return first;
}

// ---- events --------------------------------------------------------------------------------

async function toggleEvents() {
  const view = $('events-view');
  const button = $('action-events');
  if (!view.hidden) {
    view.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  if (await loadEvents()) {
    view.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    $('events-heading').focus();
  }
}

async function loadEvents() {
  const result = await during(null, () => api.get(cardPath(state.card.cardNumber, '/events')));
  if (!result) {
    return false;
  }
  if (!result.ok) {
    showProblem(result, { kind: 'events', cardNumber: state.card.cardNumber });
    return false;
  }
  const events = Array.isArray(result.body) ? result.body : [];
  await names.loadBranches(events.map((event) => event.branchCode)).catch(() => {});
  state.events = events;
  renderEvents();
  return true;
}

function renderEvents() {
  const container = $('events-body');
  container.replaceChildren();
  if (!state.events) {
    return;
  }
  if (state.events.length === 0) {
    container.append(element('p', { className: 'note', i18n: 'events.empty' }));
    return;
  }
  const table = document.createElement('table');
  const caption = element('caption', { i18n: 'events.caption' });
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const key of ['occurredAt', 'account', 'action', 'outcome', 'reason', 'channel', 'branch', 'actor']) {
    const cell = element('th', { i18n: `events.${key}` });
    cell.scope = 'col';
    headRow.append(cell);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const event of state.events) {
    const row = document.createElement('tr');
    row.className = event.outcome === 'REJECTED' ? 'rejected' : '';
    row.dataset.code = event.code || '';
    for (const text of [
      formatTime(event.occurredAt),
      label('account', event.account),
      label('eventAction', event.action),
      label('outcome', event.outcome),
      // A wrong PIN's reason is the action itself: said once.
      (event.code && event.code !== event.action) ? label('reason', event.code) : t('fact.none'),
      label('channel', event.channel),
      names.branch(event.branchCode),
      label('actor', event.actor),
    ]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
  }
  table.append(caption, head, body);
  container.append(table);
}

// ---- messages ------------------------------------------------------------------------------

/**
 * Runs a call while the form is marked busy, so that a second Enter does not send it twice.
 * Resolves to the call's result, or null (after saying so) when the service cannot be reached.
 */
async function during(form, call) {
  state.busy = true;
  if (form) {
    form.setAttribute('aria-busy', 'true');
  }
  try {
    return await call();
  } catch {
    const box = form && form.querySelector('[data-message-box]');
    showMessage('error', () => t('error.network'), 'NETWORK', box ? box.id : 'message');
    return null;
  } finally {
    state.busy = false;
    if (form) {
      form.removeAttribute('aria-busy');
    }
  }
}

function showProblem(result, context, box = 'message') {
  const problem = result.problem || {};
  if (result.status === 401 && context.kind !== 'sign-in') {
    endSession('signIn.expired');
    return;
  }
  const code = problem.code || null;
  showMessage('error', () => problemText(problem, result, context), code || `HTTP_${result.status}`, box);
}

function problemText(problem, result, context) {
  const code = problem.code;
  const role = api.caller() && api.caller().role;
  const region = problem.insuredRegionCode ? String(problem.insuredRegionCode) : '';
  const params = {
    ...problem,
    code,
    status: result.status,
    cardNumber: context.cardNumber,
    retryAfter: result.retryAfter,
    region: region ? names.region(region) : '',
    city: region ? (names.cityName(region) || region.slice(0, 4)) : '',
    bank: problem.bankCode ? names.bank(problem.bankCode) : '',
    bankName: problem.bankCode ? (names.bankName(problem.bankCode) || problem.bankCode) : '',
    cardStatusLabel: problem.cardStatus ? label('cardStatus', problem.cardStatus) : '',
    fields: Array.isArray(problem.errors) ? problem.errors.map(fieldName).join(t('list.separator')) : '',
  };
  const known = Boolean(code) && has(`error.${code}`);
  let main;
  if (code === 'FORBIDDEN' && ['ss-reset', 'ss-unlock', 'loss-formal'].includes(context.action)) {
    main = t(`error.FORBIDDEN.${context.action}`);
  } else if (code === 'CARD_NOT_FOUND' && has(`error.CARD_NOT_FOUND.${role}`)) {
    // A card outside the clerk's city (or bank) answers 404 like an unknown one, never revealing
    // that it exists: one message covers both, and says where a holder insured elsewhere must go.
    main = t(`error.CARD_NOT_FOUND.${role}`, params);
  } else if (known) {
    main = t(`error.${code}`, params);
  } else {
    main = t('error.unknown', params);
  }
  // The service's own words are English: shown only in English, and only where they add
  // something to the message above (a field's rule, an unexpected failure). In Chinese each
  // field gets the console's own words.
  const details = [];
  if (code === 'VALIDATION_FAILED' && Array.isArray(problem.errors)) {
    problem.errors.forEach((error) => details.push(language() === 'en' && error.message
      ? `${fieldName(error)}: ${error.message}` : t('invalid.field', { field: fieldName(error) })));
  } else if (problem.detail && !known && language() === 'en') {
    details.push(t('detail', { detail: problem.detail }));
  }
  return { main, details };
}

function fieldName(error) {
  const spec = ACTIONS.flatMap((action) => action.fields).find((candidate) => candidate.name === error.field);
  return spec ? t(`field.${spec.id}`) : String(error.field);
}

function showMessage(kind, build, code, box = 'message') {
  state.message = { kind, build, code, box };
  renderMessage(true);
}

function clearMessage() {
  state.message = null;
  renderMessage(false);
}

function renderMessage(scroll) {
  document.querySelectorAll('[data-message-box]').forEach((other) => {
    other.replaceChildren();
    other.hidden = true;
    delete other.dataset.code;
  });
  const message = state.message;
  if (!message) {
    return;
  }
  const box = $(message.box);
  box.hidden = false;
  box.className = `message message-${message.kind}`;
  box.dataset.code = message.code || '';
  const built = message.build();
  const { main, details } = typeof built === 'string' ? { main: built, details: [] } : built;
  for (const [text, className] of [[main, 'message-main'], ...details.map((detail) => [detail, 'message-detail'])]) {
    const line = element('p', { className });
    line.textContent = text;
    box.append(line);
  }
  if (scroll) {
    box.scrollIntoView({ block: 'nearest' });
  }
}

function setFieldError(input, build) {
  state.fieldErrors.set(input, build);
  showFieldError(input, build);
}

function showFieldError(input, build) {
  const error = $(`${input.id}-error`);
  error.textContent = build();
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
}

function clearFieldErrors(form) {
  form.querySelectorAll('input').forEach((input) => {
    state.fieldErrors.delete(input);
    input.removeAttribute('aria-invalid');
    const error = $(`${input.id}-error`);
    if (error) {
      error.hidden = true;
      error.textContent = '';
    }
  });
}

start();
