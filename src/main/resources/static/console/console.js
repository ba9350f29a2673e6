// Ponte's admin console: plain JavaScript on Ponte's own REST API (/api/**), with the session the login page opened.
// Every change carries the session's CSRF token; every refusal shows the server's own reason (its problem document).
'use strict';

const TEXTS = {
  it: {
    skip: 'Vai al contenuto', sections: 'Sezioni', logout: 'Esci', refresh: 'Aggiorna', all: 'Tutti', close: 'Chiudi',
    'tab.runs': 'Sincronizzazioni', 'tab.orders': 'Amazon – Ordini', 'tab.parked': 'Record parcheggiati', 'tab.reports': 'Report',
    'runs.title': 'Sincronizzazioni', 'runs.mode': 'Modalità', 'runs.start': 'Avvia sincronizzazione', 'runs.manual': 'Sincro manuale:',
    'runs.mcCustomers': 'Mailchimp: clienti', 'runs.mcProducts': 'Mailchimp: prodotti', 'runs.mcOrders': 'Mailchimp: storico ordini',
    'runs.orderSync': 'Sincro Ordini {0}', 'runs.run': 'Sincronizzazione', 'runs.phase': 'Fase', 'runs.outcome': 'Esito',
    'runs.reason': 'Motivo', 'runs.counts': 'Conteggi', 'runs.errors': 'Problemi', 'runs.latest': 'Ultime sincronizzazioni',
    'runs.trigger': 'Avvio', 'runs.started': 'Iniziata', 'runs.running': 'in corso', 'runs.noErrors': 'Nessun problema.',
    'runs.startedMsg': 'Sincronizzazione {0} avviata.', 'runs.manualStarted': 'Sincro manuale {0} avviata.',
    'runs.amazonWaiting': 'Amazon: in attesa del budget di chiamate; prossima pagina consentita alle {0} (account {1}, {2}).',
    'runs.amazonStopped': 'Amazon: tempo del polling esaurito per l\'account {1}; la prossima pagina è consentita alle {0}, la lettura riprende alla prossima sincronizzazione.',
    'runs.amazonBackfill': 'Amazon: recupero storico in corso, {3} ordini finora, prossima pagina alle {0} (account {1}); la lettura riprende alla prossima sincronizzazione.',
    'mode.TOTAL': 'Totale', 'mode.CHANGED': 'per Variati', 'mode.PARTIAL': 'Parziale', 'mode.IMPORT': 'Importazione Amazon',
    'mode.MAILCHIMP': 'Mailchimp manuale', 'scope.CUSTOMERS': 'clienti', 'scope.PRODUCTS': 'prodotti', 'scope.ORDERS': 'storico ordini',
    'phase.STARTING': 'Avvio', 'phase.AMAZON_POLL': 'Ordini da Amazon', 'phase.ERP_INSERT': 'Inserimento nel gestionale',
    'phase.STATE_DIFF': 'Stati dal gestionale', 'phase.AMAZON_OUTBOUND': 'Comunicazioni ad Amazon', 'phase.MAILCHIMP': 'Mailchimp',
    'phase.REPORT': 'Report', 'phase.DONE': 'Terminata',
    'phaseState.done': 'completata', 'phaseState.running': 'in corso', 'phaseState.waiting': 'in attesa',
    'outcome.SUCCEEDED': 'Riuscita', 'outcome.PARTIAL': 'Parziale', 'outcome.FAILED': 'Fallita', 'outcome.null': 'In corso',
    'orders.title': 'Amazon – Ordini', 'orders.state': 'Stato', 'orders.account': 'Account', 'orders.from': 'Dal', 'orders.to': 'Al',
    'orders.amazonId': 'Ordine Amazon', 'orders.date': 'Data', 'orders.total': 'Totale', 'orders.erp': 'Documento',
    'orders.shipping': 'Spedizione', 'orders.actions': 'Azioni', 'orders.none': 'Nessun ordine.',
    'state.REGISTERED': 'Registrato', 'state.STORED': 'Memorizzato', 'state.PENDING_CANCELLATION': 'In attesa di annullamento',
    'state.CANCELLED': 'Annullato', 'state.PENDING_SHIPMENT': 'In attesa di spedizione', 'state.SHIPPED': 'Spedito',
    'state.PENDING_REFUND': 'In attesa di rimborso', 'state.REFUNDED': 'Rimborsato',
    'action.cancel': 'Annulla', 'action.ship': 'Spedizione', 'action.refund': 'Rimborso', 'action.cancelConfirm': "Annulla l'ordine",
    'action.shipConfirm': 'Conferma spedizione', 'action.refundConfirm': 'Rimborsa', 'action.done': 'Ordine {0}: {1}.',
    'dialog.reason': 'Motivo (Amazon)', 'dialog.carrier': 'Vettore', 'dialog.shipDate': 'Data inizio trasporto',
    'dialog.tracking': 'Numero tracking',
    'parked.title': 'Record parcheggiati', 'parked.amazon': 'Amazon', 'parked.mailchimp': 'Mailchimp', 'parked.retryAll': 'Riprova tutti',
    'parked.retry': 'Riprova', 'parked.kind': 'Comando', 'parked.attempts': 'Rifiuti', 'parked.entity': 'Record',
    'parked.none': 'Nessun record parcheggiato.', 'parked.retried': 'Record {0} rimesso in coda.',
    'parked.erp': 'Gestionale (ordini non inseriti)', 'parked.order': 'Ordine', 'parked.origin': 'Origine', 'parked.erpAttempts': 'Tentativi',
    'reports.title': 'Ultimi report', 'reports.intro': "I report come li ha ricevuti l'amministratore.",
    'reports.text': 'Versione testo', 'reports.none': 'Nessun report inviato finora.',
    'tab.preflight': 'Verifica pre-avvio', 'preflight.title': 'Verifica pre-avvio',
    'preflight.intro': 'Prova una volta ogni parte della configurazione (Amazon, Mailchimp, posta, database, pianificazioni) e dice cosa manca. Usa al massimo una chiamata per operazione e non aspetta il budget di Amazon.',
    'preflight.run': 'Avvia la verifica', 'preflight.running': 'Verifica in corso…', 'preflight.check': 'Verifica',
    'preflight.status': 'Esito', 'preflight.message': 'Dettaglio', 'preflight.ready': 'Pronto per il go-live: nessun elemento mancante ({0}).',
    'preflight.notReady': 'Non ancora pronto: {0} elementi mancanti o in errore ({1}).',
    'preflight.OK': 'OK', 'preflight.MISSING': 'Manca', 'preflight.FAILED': 'Errore', 'preflight.NOT_VERIFIABLE': 'Non verificabile',
    'role.VIEWER': 'Lettore', 'role.OPERATOR': 'Operatore', 'role.ADMIN': 'Amministratore', otherLanguage: 'English',
    refused: 'Rifiutato: {0}', failed: 'Errore: {0}'
  },
  en: {
    skip: 'Skip to content', sections: 'Sections', logout: 'Sign out', refresh: 'Refresh', all: 'All', close: 'Close',
    'tab.runs': 'Sync runs', 'tab.orders': 'Amazon – Orders', 'tab.parked': 'Parked records', 'tab.reports': 'Reports',
    'runs.title': 'Sync runs', 'runs.mode': 'Mode', 'runs.start': 'Start a sync run', 'runs.manual': 'Manual sync:',
    'runs.mcCustomers': 'Mailchimp: customers', 'runs.mcProducts': 'Mailchimp: products', 'runs.mcOrders': 'Mailchimp: order history',
    'runs.orderSync': 'Order sync {0}', 'runs.run': 'Sync run', 'runs.phase': 'Phase', 'runs.outcome': 'Outcome',
    'runs.reason': 'Reason', 'runs.counts': 'Counts', 'runs.errors': 'Problems', 'runs.latest': 'Latest sync runs',
    'runs.trigger': 'Trigger', 'runs.started': 'Started', 'runs.running': 'running', 'runs.noErrors': 'No problems.',
    'runs.startedMsg': 'Sync run {0} started.', 'runs.manualStarted': 'Manual sync {0} started.',
    'runs.amazonWaiting': 'Amazon: waiting for the call budget; next page allowed at {0} (account {1}, {2}).',
    'runs.amazonStopped': 'Amazon: poll time budget spent for account {1}; the next page is allowed at {0}, reading goes on at the next sync run.',
    'runs.amazonBackfill': 'Amazon: backfill in progress, {3} orders so far, next page allowed at {0} (account {1}); reading goes on at the next sync run.',
    'mode.TOTAL': 'Total', 'mode.CHANGED': 'Changed', 'mode.PARTIAL': 'Partial', 'mode.IMPORT': 'Amazon import',
    'mode.MAILCHIMP': 'Mailchimp manual', 'scope.CUSTOMERS': 'customers', 'scope.PRODUCTS': 'products', 'scope.ORDERS': 'order history',
    'phase.STARTING': 'Starting', 'phase.AMAZON_POLL': 'Orders from Amazon', 'phase.ERP_INSERT': 'ERP insert',
    'phase.STATE_DIFF': 'States from the ERP', 'phase.AMAZON_OUTBOUND': 'Messages to Amazon', 'phase.MAILCHIMP': 'Mailchimp',
    'phase.REPORT': 'Report', 'phase.DONE': 'Finished',
    'phaseState.done': 'done', 'phaseState.running': 'running', 'phaseState.waiting': 'waiting',
    'outcome.SUCCEEDED': 'Succeeded', 'outcome.PARTIAL': 'Partial', 'outcome.FAILED': 'Failed', 'outcome.null': 'Running',
    'orders.title': 'Amazon – Orders', 'orders.state': 'State', 'orders.account': 'Account', 'orders.from': 'From', 'orders.to': 'To',
    'orders.amazonId': 'Amazon order', 'orders.date': 'Date', 'orders.total': 'Total', 'orders.erp': 'Document',
    'orders.shipping': 'Shipping', 'orders.actions': 'Actions', 'orders.none': 'No orders.',
    'state.REGISTERED': 'Registered', 'state.STORED': 'Stored', 'state.PENDING_CANCELLATION': 'Cancellation pending',
    'state.CANCELLED': 'Cancelled', 'state.PENDING_SHIPMENT': 'Shipment pending', 'state.SHIPPED': 'Shipped',
    'state.PENDING_REFUND': 'Refund pending', 'state.REFUNDED': 'Refunded',
    'action.cancel': 'Cancel', 'action.ship': 'Ship', 'action.refund': 'Refund', 'action.cancelConfirm': 'Cancel the order',
    'action.shipConfirm': 'Confirm shipment', 'action.refundConfirm': 'Refund', 'action.done': 'Order {0}: {1}.',
    'dialog.reason': 'Reason (Amazon)', 'dialog.carrier': 'Carrier', 'dialog.shipDate': 'Ship date',
    'dialog.tracking': 'Tracking number',
    'parked.title': 'Parked records', 'parked.amazon': 'Amazon', 'parked.mailchimp': 'Mailchimp', 'parked.retryAll': 'Retry all',
    'parked.retry': 'Retry', 'parked.kind': 'Command', 'parked.attempts': 'Refusals', 'parked.entity': 'Record',
    'parked.none': 'No parked records.', 'parked.retried': 'Record {0} back in line.',
    'parked.erp': 'ERP (orders not inserted)', 'parked.order': 'Order', 'parked.origin': 'Origin', 'parked.erpAttempts': 'Attempts',
    'reports.title': 'Latest reports', 'reports.intro': 'The reports as the administrator received them.',
    'reports.text': 'Plain text', 'reports.none': 'No report sent yet.',
    'tab.preflight': 'Go-live check', 'preflight.title': 'Go-live check',
    'preflight.intro': 'Tries every piece of the configuration once (Amazon, Mailchimp, mail, databases, schedules) and says what is missing. It spends at most one call per operation and never waits for Amazon\'s budget.',
    'preflight.run': 'Run the check', 'preflight.running': 'Checking…', 'preflight.check': 'Check',
    'preflight.status': 'Status', 'preflight.message': 'Details', 'preflight.ready': 'Ready to go live: nothing missing ({0}).',
    'preflight.notReady': 'Not ready yet: {0} pieces missing or failing ({1}).',
    'preflight.OK': 'OK', 'preflight.MISSING': 'Missing', 'preflight.FAILED': 'Failed', 'preflight.NOT_VERIFIABLE': 'Not verifiable',
    'role.VIEWER': 'Viewer', 'role.OPERATOR': 'Operator', 'role.ADMIN': 'Administrator', otherLanguage: 'Italiano',
    refused: 'Refused: {0}', failed: 'Error: {0}'
  }
};
const ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'];
const PHASES = ['AMAZON_POLL', 'ERP_INSERT', 'STATE_DIFF', 'AMAZON_OUTBOUND', 'MAILCHIMP', 'REPORT'];
const STATES = ['REGISTERED', 'STORED', 'PENDING_CANCELLATION', 'CANCELLED', 'PENDING_SHIPMENT', 'SHIPPED', 'PENDING_REFUND', 'REFUNDED'];
/** Which dialogs an order's state offers; the server decides, and its refusal is shown as it says it. */
const ACTIONS = { STORED: ['cancel', 'ship'], PENDING_SHIPMENT: ['refund'], SHIPPED: ['refund'] };

const state = { lang: 'it', me: null, csrf: null, view: 'runs', runId: null, poll: null, orders: [], accounts: [], reports: [] };

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

function t(key, ...args) {
  const text = TEXTS[state.lang][key] ?? TEXTS.it[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => args[i] ?? '');
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
  return node;
}

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json', 'Accept-Language': state.lang, 'X-Ponte-Console': '1' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers[state.csrf.headerName] = state.csrf.token;
    init.body = body === undefined ? '' : JSON.stringify(body);
  }
  const answer = await fetch(path, init);
  if (answer.status === 401) {
    location.assign('/console/login');
    throw new ApiError(401, null);
  }
  const text = await answer.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (notJson) { data = null; }
  if (!answer.ok) throw new ApiError(answer.status, data);
  return data;
}

function say(message, isError = false) {
  const box = $('#status');
  box.textContent = message;
  box.classList.toggle('error', isError);
}

function may(role) {
  return state.me && ROLES.indexOf(state.me.role) >= ROLES.indexOf(role);
}

function translate() {
  document.documentElement.lang = state.lang;
  $$('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
  $$('[data-i18n-aria]').forEach(n => n.setAttribute('aria-label', t(n.dataset.i18nAria)));
  const other = state.lang === 'it' ? 'en' : 'it';
  $('#lang-switch').textContent = t('otherLanguage');
  $('#lang-switch').lang = other;
  if (state.me) $('#me-role').textContent = t('role.' + state.me.role);
}

function fmtDate(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(state.lang === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'short', timeStyle: 'short' });
}

function fmtTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString(state.lang === 'en' ? 'en-GB' : 'it-IT', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A run's mode as the merchant calls it; a Mailchimp manual sync says what it covers. */
function modeText(run) {
  return t('mode.' + run.mode) + (run.scope ? ' (' + t('scope.' + run.scope) + ')' : '');
}

function fmtMoney(amount, currency) {
  if (amount === null || amount === undefined) return '';
  try {
    return new Intl.NumberFormat(state.lang === 'en' ? 'en-GB' : 'it-IT', { style: 'currency', currency: currency || 'EUR' }).format(amount);
  } catch (badCurrency) {
    return amount + ' ' + (currency || '');
  }
}

function chip(kind, value, label) {
  return el('span', { class: 'chip ' + kind + '-' + String(value).toLowerCase(), 'data-value': value, text: label });
}

// ---- views

function show(view) {
  state.view = view;
  $$('.view').forEach(v => { v.hidden = v.id !== 'view-' + view; });
  $$('.tab').forEach(b => b.setAttribute('aria-current', b.dataset.view === view ? 'page' : 'false'));
  location.hash = view;
  refresh();
}

function refresh() {
  const loaders = { runs: loadRuns, orders: loadOrders, parked: loadParked, reports: loadReports, preflight: loadPreflight };
  loaders[state.view]().catch(e => say(t('failed', e.message), true));
}

// ---- runs

async function loadRuns() {
  const runs = await api('GET', '/api/sync/runs?limit=20');
  const body = $('#runs-table tbody');
  body.replaceChildren(...runs.map(r => el('tr', { 'data-run-id': r.id },
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => follow(r.id), text: '#' + r.id })),
    el('td', { text: modeText(r) }), el('td', { text: r.trigger }), el('td', { text: fmtDate(r.startedAt) }),
    el('td', { text: t('phase.' + r.phase) }),
    el('td', {}, chip('outcome', r.outcome ?? 'running', t('outcome.' + (r.outcome ?? null)))), el('td', { text: r.reason ?? '' }))));
  if (state.runId === null && runs.length > 0) follow(runs[0].id);
}

function follow(runId) {
  state.runId = runId;
  clearTimeout(state.poll);
  pollRun();
}

async function pollRun() {
  const runId = state.runId;
  let run;
  try {
    run = await api('GET', '/api/sync/runs/' + runId);
  } catch (e) {
    say(t('failed', e.message), true);
    return;
  }
  if (runId !== state.runId) return;
  renderRun(run);
  if (!run.endedAt) {
    state.poll = setTimeout(pollRun, 1000);
  } else if (state.view === 'runs') {
    loadRuns().catch(() => {});
  }
}

function renderRun(run) {
  $('#run-current').hidden = false;
  $('#run-current').dataset.runId = run.id;
  $('#run-current').dataset.ended = run.endedAt ? 'true' : 'false';
  $('#run-current-id').textContent = '#' + run.id;
  $('#run-current-mode').textContent = modeText(run);
  $('#run-current-phase').textContent = t('phase.' + run.phase);
  const outcome = $('#run-current-outcome');
  outcome.textContent = t('outcome.' + (run.outcome ?? null));
  outcome.className = 'chip outcome-' + String(run.outcome ?? 'running').toLowerCase();
  outcome.dataset.value = run.outcome ?? '';
  $('#run-current-reason').textContent = run.reason ?? '';
  renderAmazonWait(run);
  // a Mailchimp manual sync has one phase; an Amazon import two
  const phases = run.mode === 'MAILCHIMP' ? ['MAILCHIMP'] : run.mode === 'IMPORT' ? ['AMAZON_POLL', 'REPORT'] : PHASES;
  const current = phases.indexOf(run.phase);
  $('#run-phases').replaceChildren(...phases.map((phase, i) => {
    const p = (run.progress || {})[phase];
    const stage = run.endedAt || run.phase === 'DONE' || (current >= 0 && i < current) ? 'done' : i === current ? 'running' : 'waiting';
    const bar = el('progress', { max: p && p.total > 0 ? p.total : 1, 'aria-label': t('phase.' + phase) });
    if (p && p.total > 0) bar.value = p.done;
    else if (stage === 'done') bar.value = 1;
    else if (stage === 'waiting') bar.value = 0;
    return el('li', { class: 'phase phase-' + stage, 'data-phase': phase, 'data-stage': stage },
      el('span', { class: 'phase-name', text: t('phase.' + phase) }), bar,
      el('span', { class: 'phase-stage', text: t('phaseState.' + stage) + (p ? ' ' + p.done + '/' + p.total : '') }));
  }));
  $('#run-current-counts').replaceChildren(...Object.entries(run.counts || {}).map(([k, v]) =>
    el('tr', {}, el('th', { scope: 'row', text: k }), el('td', { text: String(v) }))));
  const errors = run.errors || [];
  $('#run-current-errors').replaceChildren(...(errors.length ? errors.map(e => el('li', { text: e })) : [el('li', { text: t('runs.noErrors') })]));
}

/** While the Amazon poll waits for Amazon's rate budget, or after it stopped on its time budget: when the next page is allowed. */
function renderAmazonWait(run) {
  const box = $('#run-current-amazon-wait');
  const wait = run.amazonWait;
  // a wait is news only while the run goes on; a stop on the time budget stays on the run
  const shown = wait && (!wait.waiting || !run.endedAt);
  box.hidden = !shown;
  box.dataset.waiting = shown ? String(wait.waiting) : '';
  box.dataset.nextPageAt = shown ? wait.nextPageAt : '';
  box.dataset.ordersSoFar = shown ? String(wait.ordersSoFar || 0) : '';
  const key = wait && wait.waiting ? 'runs.amazonWaiting' : wait && wait.ordersSoFar > 0 ? 'runs.amazonBackfill' : 'runs.amazonStopped';
  box.textContent = shown ? t(key, fmtTime(wait.nextPageAt), wait.accountId, wait.operation, wait.ordersSoFar) : '';
}

async function startRun() {
  try {
    const started = await api('POST', '/api/sync', { mode: $('#run-mode').value });
    say(t('runs.startedMsg', '#' + started.runId));
    follow(started.runId);
  } catch (e) {
    say(t('refused', e.message), true);
    if (e.problem && e.problem.runningRunId) follow(e.problem.runningRunId);
  }
}

/** A Mailchimp manual sync is a run: followed like the others; a second press while one runs shows the one in progress. */
async function manualSync(path) {
  try {
    const started = await api('POST', path);
    say(t('runs.manualStarted', '#' + started.runId));
    follow(started.runId);
    loadRuns().catch(() => {});
  } catch (e) {
    say(t('refused', e.message), true);
    if (e.problem && e.problem.runningRunId) follow(e.problem.runningRunId);
  }
}

// ---- Amazon orders

async function loadOrders() {
  const [orders, accounts] = await Promise.all([api('GET', '/api/orders?origin=AMAZON&limit=1000'), loadAccounts()]);
  state.orders = orders;
  const accountSelect = $('#filter-account');
  if (accountSelect.options.length === 1) {
    accounts.forEach(a => accountSelect.append(el('option', { value: a.id, text: a.name + ' (' + a.id + ')' })));
  }
  renderOrders();
}

async function loadAccounts() {
  if (state.accounts.length === 0) state.accounts = await api('GET', '/api/amazon/accounts');
  return state.accounts;
}

function renderOrders() {
  const wanted = $('#filter-state').value;
  const account = $('#filter-account').value;
  const from = $('#filter-from').value;
  const to = $('#filter-to').value;
  const shown = state.orders.filter(o => (!wanted || o.amazonState === wanted) && (!account || o.amazonAccountId === account)
    && (!from || (o.orderDate && o.orderDate.substring(0, 10) >= from)) && (!to || (o.orderDate && o.orderDate.substring(0, 10) <= to)));
  $('#orders-empty').hidden = shown.length > 0;
  $('#orders-table tbody').replaceChildren(...shown.map(o => {
    const buttons = may('ADMIN') ? (ACTIONS[o.amazonState] || []).map(action => el('button', {
      type: 'button', class: 'action-' + action, 'data-action': action,
      'aria-label': t('action.' + action) + ' ' + o.amazonOrderId, text: t('action.' + action),
      onclick: () => openDialog(action, o)
    })) : [];
    const shipping = [o.carrier, o.trackingNumber, o.shipDate ? fmtDate(o.shipDate) : null].filter(Boolean).join(' · ');
    return el('tr', { 'data-amazon-order-id': o.amazonOrderId, 'data-order-id': o.id },
      el('td', { text: o.amazonOrderId }), el('td', { text: o.amazonAccountId }), el('td', { text: fmtDate(o.orderDate) }),
      el('td', { class: 'num', text: fmtMoney(o.orderTotal, o.currency) }),
      el('td', {}, chip('state', o.amazonState, t('state.' + o.amazonState))),
      el('td', { text: o.erpSeries && o.erpNumber ? o.erpSeries + '/' + o.erpNumber : (o.erpError ?? '') }),
      el('td', { text: shipping }), el('td', { class: 'buttons' }, ...buttons));
  }));
}

let reasons = null;

async function openDialog(action, order) {
  if (!reasons) reasons = await (await fetch('/console/amazon-reasons', { credentials: 'same-origin' })).json();
  const dialog = $('#dialog-' + action);
  dialog.dataset.orderId = order.id;
  dialog.dataset.amazonOrderId = order.amazonOrderId;
  $('.dialog-order', dialog).textContent = order.amazonOrderId;
  $('#' + action + '-error').textContent = '';
  if (action === 'cancel' || action === 'refund') {
    const select = $('#' + action + '-reason');
    select.replaceChildren(...reasons[action].map(r => el('option', { value: r, text: r })));
  } else {
    $('#ship-date').value = new Date().toISOString().substring(0, 10);
  }
  dialog.showModal();
}

async function submitDialog(form) {
  const action = form.dataset.action;
  const dialog = form.closest('dialog');
  const body = {};
  if (action === 'ship') {
    body.carrier = $('#ship-carrier').value.trim();
    body.trackingNumber = $('#ship-tracking').value.trim();
    body.shipDate = $('#ship-date').value ? $('#ship-date').value + 'T12:00:00Z' : '';
  } else {
    body.reason = $('#' + action + '-reason').value;
  }
  try {
    const answer = await api('POST', '/api/amazon/orders/' + encodeURIComponent(dialog.dataset.orderId) + '/' + action, body);
    dialog.close();
    say(t('action.done', answer.amazonOrderId, t('state.' + answer.state)));
    await loadOrders();
  } catch (e) {
    // the server's own reason, as its problem document gives it (409 transition refused, 400 field refused)
    $('#' + action + '-error').textContent = t('refused', e.message);
  }
}

// ---- parked records

async function loadParked() {
  const [amazon, mailchimp, erp] = await Promise.all([api('GET', '/api/amazon/parked'), api('GET', '/api/mailchimp/parked'),
    api('GET', '/api/erp/parked')]);
  fillParked('#amazon-parked-table', amazon, p => [p.amazonOrderId, p.kind, p.attempts, p.lastError], '/api/amazon/parked/');
  fillParked('#mailchimp-parked-table', mailchimp, p => [p.entity + ' ' + p.entityId, p.operation, p.attempts, p.lastError],
    '/api/mailchimp/parked/');
  // an order parked for the ERP is retried by its shop order id
  fillParked('#erp-parked-table', erp.map(p => ({ ...p, id: p.orderId })),
    p => [p.amazonOrderId || 'WEB-' + p.orderId, p.origin, p.attempts, p.lastError], '/api/erp/parked/');
  $('#amazon-retry-all').disabled = amazon.length === 0;
  $('#mailchimp-retry-all').disabled = mailchimp.length === 0;
  $('#erp-retry-all').disabled = erp.length === 0;
}

function fillParked(table, records, columns, path) {
  const body = $(table + ' tbody');
  if (records.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 6, text: t('parked.none') })));
    return;
  }
  body.replaceChildren(...records.map(p => el('tr', { 'data-parked-id': p.id },
    el('td', { text: String(p.id) }), ...columns(p).map(c => el('td', { text: c === null || c === undefined ? '' : String(c) })),
    el('td', {}, may('OPERATOR') ? el('button', {
      type: 'button', class: 'action-retry', 'aria-label': t('parked.retry') + ' #' + p.id, text: t('parked.retry'),
      onclick: () => retry(path, [p.id])
    }) : ''))));
}

async function retry(path, ids) {
  const done = [];
  try {
    for (const id of ids) {
      await api('POST', path + id + '/retry');
      done.push('#' + id);
    }
    say(t('parked.retried', done.join(', ')));
  } catch (e) {
    say(t('refused', e.message), true);
  }
  await loadParked();
}

function retryAll(table, path) {
  const ids = $$(table + ' tbody tr[data-parked-id]').map(r => r.dataset.parkedId);
  return retry(path, ids);
}

// ---- reports

async function loadReports() {
  state.reports = await api('GET', '/api/reports?limit=20');
  const list = $('#reports-list');
  if (state.reports.length === 0) {
    list.replaceChildren(el('li', { text: t('reports.none') }));
    return;
  }
  list.replaceChildren(...state.reports.map(r => el('li', { 'data-report-id': r.id },
    el('button', { type: 'button', class: 'link', onclick: () => showReport(r), text: fmtDate(r.sentAt) + ' – ' + r.subject }))));
  showReport(state.reports[0]);
}

function showReport(report) {
  $('#report-subject').textContent = report.subject;
  const frame = $('#report-frame');
  frame.hidden = false;
  frame.title = report.subject;
  frame.src = '/console/reports/' + report.id;
  $('#report-text-box').hidden = false;
  $('#report-text').textContent = report.text;
}

// ---- go-live check (ADMIN): run only on demand, it spends calls to Amazon and Mailchimp

let lastPreflight = null;

async function loadPreflight() {
  if (lastPreflight) renderPreflight(lastPreflight);
}

async function runPreflight() {
  const button = $('#preflight-run');
  button.disabled = true;
  $('#preflight-summary').textContent = t('preflight.running');
  try {
    // the checks come back in the language asked for (Accept-Language): run again after switching language
    lastPreflight = await api('POST', '/api/preflight', {});
    renderPreflight(lastPreflight);
  } catch (e) {
    $('#preflight-summary').textContent = t('refused', e.message);
  } finally {
    button.disabled = false;
  }
}

function renderPreflight(report) {
  const table = $('#preflight-table');
  table.hidden = false;
  table.querySelector('tbody').replaceChildren(...report.checks.map(c => el('tr', { 'data-check': c.id, 'data-status': c.status },
    el('th', { scope: 'row', text: c.name }),
    el('td', {}, chip('preflight', c.status, t('preflight.' + c.status))),
    el('td', { text: c.message }))));
  const bad = report.checks.filter(c => c.status === 'MISSING' || c.status === 'FAILED');
  $('#preflight-summary').textContent = report.ready ? t('preflight.ready', fmtDate(report.checkedAt))
    : t('preflight.notReady', bad.length, fmtDate(report.checkedAt));
  $('#preflight-summary').classList.toggle('error', !report.ready);
}

// ---- start

async function start() {
  const saved = localStorage.getItem('ponte.lang');
  state.lang = saved === 'en' || saved === 'it' ? saved : ((navigator.language || 'it').toLowerCase().startsWith('en') ? 'en' : 'it');
  translate();
  const csrf = await fetch('/console/csrf', { credentials: 'same-origin', headers: { 'X-Ponte-Console': '1' } });
  if (!csrf.ok || csrf.redirected) {
    location.assign('/console/login');
    return;
  }
  state.csrf = await csrf.json();
  $('#logout-csrf').name = '_csrf';
  $('#logout-csrf').value = state.csrf.token;
  state.me = await api('GET', '/api/me');
  $('#me-name').textContent = state.me.name;
  document.body.dataset.role = state.me.role;
  $$('[data-role]').forEach(n => { n.hidden = !may(n.dataset.role); });
  translate();

  STATES.forEach(s => $('#filter-state').append(el('option', { value: s, 'data-state': s, text: t('state.' + s) })));
  $$('.tab').forEach(b => b.addEventListener('click', () => show(b.dataset.view)));
  $('#lang-switch').addEventListener('click', () => {
    state.lang = state.lang === 'it' ? 'en' : 'it';
    localStorage.setItem('ponte.lang', state.lang);
    translate();
    $$('#filter-state option[data-state]').forEach(o => { o.textContent = t('state.' + o.dataset.state); });
    refresh();
  });
  $('#run-start').addEventListener('click', startRun);
  $('#mc-sync-customers').addEventListener('click', () => manualSync('/api/mailchimp/sync/customers'));
  $('#mc-sync-products').addEventListener('click', () => manualSync('/api/mailchimp/sync/products'));
  $('#mc-sync-orders').addEventListener('click', () => manualSync('/api/mailchimp/sync/orders'));
  $('#orders-filter').addEventListener('submit', e => { e.preventDefault(); loadOrders().catch(err => say(t('failed', err.message), true)); });
  ['#filter-state', '#filter-account', '#filter-from', '#filter-to'].forEach(s => $(s).addEventListener('change', renderOrders));
  $$('.dialog-form').forEach(f => f.addEventListener('submit', e => { e.preventDefault(); submitDialog(f); }));
  $$('.dialog-close').forEach(b => b.addEventListener('click', () => b.closest('dialog').close()));
  $('#amazon-retry-all').addEventListener('click', () => retryAll('#amazon-parked-table', '/api/amazon/parked/'));
  $('#mailchimp-retry-all').addEventListener('click', () => retryAll('#mailchimp-parked-table', '/api/mailchimp/parked/'));
  $('#erp-retry-all').addEventListener('click', () => retryAll('#erp-parked-table', '/api/erp/parked/'));
  $('#preflight-run').addEventListener('click', runPreflight);
  if (may('OPERATOR')) {
    const accounts = await loadAccounts();
    $('#amazon-order-syncs').replaceChildren(...accounts.map(a => el('button', {
      type: 'button', class: 'order-sync', 'data-account': a.id, text: t('runs.orderSync', a.id),
      onclick: async () => {
        try {
          const started = await api('POST', '/api/amazon/accounts/' + encodeURIComponent(a.id) + '/order-sync');
          say(t('runs.startedMsg', started.runId ? '#' + started.runId : a.id));
          if (started.runId) follow(started.runId);
        } catch (e) {
          say(t('refused', e.message), true);
        }
      }
    })));
  }
  const wanted = location.hash.substring(1);
  const views = ['runs', 'orders', 'parked', 'reports'].concat(may('ADMIN') ? ['preflight'] : []);
  show(views.includes(wanted) ? wanted : 'runs');
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', () => start().catch(e => say(t('failed', e.message), true)));
