// The IntervisieBot playground: a group chat with simulated members, and each member's private chat with the bot.
// It speaks to the bot as Teams does: activities to the playground's own endpoint (/playground/messages), with this
// host's playground channel as the service URL. The channel keeps the conversations and streams every change back here (/playground/events).
// Plain JavaScript, no build step, nothing from elsewhere. Everything the bot sends is shown as text, never as HTML.

const CARD = 'application/vnd.microsoft.card.adaptive';
const DEFAULT_MEMBERS = ['Anna', 'Bram', 'Cees', 'Dewi', 'Eva'];
const COLOURS = ['#2f6690', '#8a4f9e', '#2e7d4f', '#b0562b', '#a33a5a', '#4a5fc1', '#6f6a1f', '#2f7f7a'];
const STORE = { lang: 'playground.lang', me: 'playground.me', members: 'playground.members' };

const TEXTS = {
  nl: {
    playground: 'playground',
    tagline: 'Probeer de bot uit met een paar gesimuleerde leden. Alles blijft op deze computer.',
    language: 'Taal',
    newGroup: 'Nieuwe groepschat',
    newGroupDone: 'Een nieuwe groepschat is begonnen en de bot is erin gezet.',
    members: 'Leden',
    membersHint: 'Kies wie je bent: in de groepschat schrijf en klik je als dat lid.',
    you: 'jij',
    switchTo: 'Schrijf als {0}',
    rename: 'Naam van {0} wijzigen',
    renameLabel: 'Nieuwe naam voor {0}',
    save: 'Opslaan',
    cancel: 'Annuleren',
    addMemberLabel: 'Lid toevoegen',
    namePlaceholder: 'Naam',
    add: 'Toevoegen',
    nameInvalid: 'Een naam heeft 1 tot 60 tekens.',
    privacyHint: 'Er gaat niets naar Teams. De gesprekken verdwijnen als de bot opnieuw start.',
    conversations: 'Gesprekken',
    messages: 'Berichten',
    groupTab: 'Groepschat',
    privateTab: '{0} · privé',
    unread: '{0} nieuw',
    composerGroup: 'Bericht aan de groep, als {0}',
    composerPrivate: 'Privébericht aan IntervisieBot, als {0}',
    send: 'Versturen',
    enterHint: 'Enter verstuurt, Shift+Enter begint een nieuwe regel. In de groep noem je de bot automatisch, zoals in Teams.',
    emptyGroup: 'Nog geen berichten. Typ **hulp** om te zien wat de bot kan.',
    emptyPrivate: 'Hier praat {0} onder vier ogen met de bot, bijvoorbeeld om een casus voor te bereiden.',
    connecting: 'Verbinden…',
    connected: 'Verbonden',
    disconnected: 'Verbinding verbroken; opnieuw proberen…',
    typing: '{0} is aan het typen…',
    botRefused: 'De bot antwoordde met {0}: {1}',
    sendFailed: 'Versturen lukte niet: {0}',
    required: 'Dit veld is verplicht.',
    you_suffix: '(jij)',
  },
  en: {
    playground: 'playground',
    tagline: 'Try the bot with a few simulated members. Everything stays on this computer.',
    language: 'Language',
    newGroup: 'New group chat',
    newGroupDone: 'A new group chat has started and the bot has been added to it.',
    members: 'Members',
    membersHint: 'Choose who you are: in the group chat you write and click as that member.',
    you: 'you',
    switchTo: 'Write as {0}',
    rename: 'Rename {0}',
    renameLabel: 'New name for {0}',
    save: 'Save',
    cancel: 'Cancel',
    addMemberLabel: 'Add a member',
    namePlaceholder: 'Name',
    add: 'Add',
    nameInvalid: 'A name has 1 to 60 characters.',
    privacyHint: 'Nothing goes to Teams. The conversations are gone when the bot restarts.',
    conversations: 'Conversations',
    messages: 'Messages',
    groupTab: 'Group chat',
    privateTab: '{0} · private',
    unread: '{0} new',
    composerGroup: 'Message to the group, as {0}',
    composerPrivate: 'Private message to IntervisieBot, as {0}',
    send: 'Send',
    enterHint: 'Enter sends, Shift+Enter starts a new line. In the group the bot is mentioned for you, as in Teams.',
    emptyGroup: 'No messages yet. Type **help** to see what the bot can do.',
    emptyPrivate: 'This is where {0} talks with the bot in private, for instance to prepare a case.',
    connecting: 'Connecting…',
    connected: 'Connected',
    disconnected: 'Connection lost; trying again…',
    typing: '{0} is typing…',
    botRefused: 'The bot answered {0}: {1}',
    sendFailed: 'Sending failed: {0}',
    required: 'This field is required.',
    you_suffix: '(you)',
  },
};

const state = {
  lang: localStorage.getItem(STORE.lang) === 'en' ? 'en' : 'nl',
  me: localStorage.getItem(STORE.me),
  tab: 'group',
  channelId: 'playground',
  tenantId: 'playground',
  personalPrefix: 'playground-personal-',
  groupId: null,
  bot: { id: 'playground-bot', name: 'IntervisieBot' },
  members: [],
  conversations: new Map(),
  unread: new Map(),
  rendered: new Map(),
  typingTimer: 0,
};

const dom = {
  log: document.getElementById('log'),
  tabs: document.getElementById('tabs'),
  panel: document.getElementById('panel'),
  members: document.getElementById('member-list'),
  addMember: document.getElementById('add-member'),
  newMemberName: document.getElementById('new-member-name'),
  composer: document.getElementById('composer'),
  composerLabel: document.getElementById('composer-label'),
  message: document.getElementById('message'),
  typing: document.getElementById('typing'),
  status: document.getElementById('status'),
  connection: document.getElementById('connection'),
  newGroup: document.getElementById('new-group'),
};

// ---------- small helpers ----------

const t = (key, ...args) => (TEXTS[state.lang][key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
const locale = () => (state.lang === 'nl' ? 'nl-NL' : 'en-US');
let uid = 0;
const nextUid = () => `pg-${++uid}`;
const newActivityId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function initials(name) {
  const words = String(name).trim().split(/\s+/).filter(Boolean);
  const capitals = words.length === 1 ? words[0].match(/\p{Lu}/gu) ?? [] : [];
  if (capitals.length > 1) return capitals[0] + capitals[1];
  const letters = words.length > 1 ? words[0][0] + words[words.length - 1][0] : String(name).trim().slice(0, 2);
  return letters.toUpperCase() || '?';
}

function colourOf(memberId) {
  const index = state.members.findIndex((m) => m.id === memberId);
  return index < 0 ? '#6b7280' : COLOURS[index % COLOURS.length];
}

function avatar(name, colour, extraClass = '') {
  const node = el('span', { class: `avatar ${extraClass}`, 'aria-hidden': 'true', text: initials(name) });
  if (colour) node.style.setProperty('--avatar', colour);
  return node;
}

function showStatus(message, kind = 'info') {
  dom.status.textContent = message;
  dom.status.dataset.kind = kind;
}

// ---------- text: safe, with a little markdown (**bold**, _italic_, lists, line breaks, links) and <at> mentions ----------

const INLINE = /<at>(.*?)<\/at>|\*\*(.+?)\*\*|(?<![\p{L}\p{N}_])_(.+?)_(?![\p{L}\p{N}_])|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/gu;

function inline(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    if (match[1] !== undefined) nodes.push(el('span', { class: 'mention', text: `@${match[1]}` }));
    else if (match[2] !== undefined) nodes.push(el('strong', {}, inline(match[2])));
    else if (match[3] !== undefined) nodes.push(el('em', {}, inline(match[3])));
    else nodes.push(el('a', { href: match[5], target: '_blank', rel: 'noopener noreferrer', text: match[4] }));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

function markdown(text) {
  const fragment = document.createDocumentFragment();
  let paragraph = null;
  let list = null;
  for (const line of String(text ?? '').replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (!list || list.tagName.toLowerCase() !== tag) {
        list = el(tag);
        fragment.append(list);
      }
      list.append(el('li', {}, inline((bullet || numbered)[1])));
      paragraph = null;
      continue;
    }
    list = null;
    if (line.trim() === '') {
      paragraph = null;
      continue;
    }
    if (paragraph) paragraph.append(el('br'));
    else {
      paragraph = el('p');
      fragment.append(paragraph);
    }
    paragraph.append(...inline(line));
  }
  return fragment;
}

// ---------- Adaptive Cards (the parts the bot uses, and a little more) ----------

function renderCard(card, context) {
  const root = el('div', { class: 'ac' });
  const scope = { ...context, root, inputs: [] };
  appendElements(root, card?.body, scope);
  if (Array.isArray(card?.actions) && card.actions.length > 0) root.append(renderActions(card.actions, scope));
  return root;
}

function appendElements(parent, elements, scope) {
  for (const element of Array.isArray(elements) ? elements : []) {
    const node = renderElement(element, scope);
    if (node) parent.append(node);
  }
}

function renderElement(element, scope) {
  if (!element || typeof element !== 'object' || element.isVisible === false) return null;
  const node = buildElement(element, scope);
  if (node === undefined) {
    // An element this renderer does not know: its fallback, or nothing (as Adaptive Cards prescribe).
    return element.fallback && typeof element.fallback === 'object' ? renderElement(element.fallback, scope) : null;
  }
  if (node && element.separator) node.classList.add('ac-separator');
  if (node && typeof element.spacing === 'string') node.classList.add(`ac-spacing-${element.spacing.toLowerCase()}`);
  return node;
}

function buildElement(element, scope) {
  switch (element.type) {
    case 'TextBlock': {
      const classes = ['ac-text'];
      if (element.size) classes.push(`ac-size-${String(element.size).toLowerCase()}`);
      if (element.weight) classes.push(`ac-weight-${String(element.weight).toLowerCase()}`);
      if (element.color) classes.push(`ac-color-${String(element.color).toLowerCase()}`);
      if (element.isSubtle) classes.push('ac-subtle');
      const heading = element.style === 'heading';
      return el('div', { class: classes.join(' '), role: heading ? 'heading' : null, 'aria-level': heading ? 3 : null }, markdown(element.text));
    }
    case 'FactSet':
      return el('dl', { class: 'ac-facts' }, (element.facts ?? []).map((fact) => [
        el('dt', {}, inline(String(fact?.title ?? ''))),
        el('dd', {}, inline(String(fact?.value ?? ''))),
      ]));
    case 'Container': {
      const container = el('div', { class: 'ac-container' });
      appendElements(container, element.items, scope);
      return container;
    }
    case 'ColumnSet':
      return el('div', { class: 'ac-columns' }, (element.columns ?? []).map((column) => {
        const node = el('div', { class: 'ac-column' });
        appendElements(node, column?.items, scope);
        return node;
      }));
    case 'ActionSet':
      return renderActions(element.actions ?? [], scope);
    case 'Input.Text':
    case 'Input.Number':
    case 'Input.Date':
    case 'Input.Time':
    case 'Input.Toggle':
    case 'Input.ChoiceSet':
      return renderInput(element, scope);
    default:
      return undefined;
  }
}

function renderInput(input, scope) {
  const id = nextUid();
  const required = input.isRequired === true;
  const error = el('p', { class: 'ac-error', id: `${id}-error`, hidden: true });
  const wrapper = el('div', { class: 'ac-input' });
  const labelText = String(input.label ?? '');
  let read;
  let focusTarget;

  const label = () => el('label', { for: id }, labelText, required ? el('span', { class: 'ac-required', 'aria-hidden': 'true', text: ' *' }) : null);

  switch (input.type) {
    case 'Input.Text': {
      const field = input.isMultiline ? el('textarea', { id, rows: 3 }) : el('input', { id, type: 'text' });
      if (input.placeholder) field.placeholder = input.placeholder;
      if (Number.isInteger(input.maxLength) && input.maxLength > 0) field.maxLength = input.maxLength;
      field.value = input.value ?? '';
      read = () => field.value;
      focusTarget = field;
      wrapper.append(label(), field);
      break;
    }
    case 'Input.Number':
    case 'Input.Date':
    case 'Input.Time': {
      const type = { 'Input.Number': 'number', 'Input.Date': 'date', 'Input.Time': 'time' }[input.type];
      const field = el('input', { id, type, min: input.min, max: input.max, placeholder: input.placeholder });
      field.value = input.value ?? '';
      read = () => field.value;
      focusTarget = field;
      wrapper.append(label(), field);
      break;
    }
    case 'Input.Toggle': {
      const on = String(input.valueOn ?? 'true');
      const off = String(input.valueOff ?? 'false');
      const field = el('input', { id, type: 'checkbox' });
      field.checked = String(input.value ?? off) === on;
      read = () => (field.checked ? on : off);
      focusTarget = field;
      if (labelText) wrapper.append(el('span', { class: 'ac-label', text: labelText }));
      wrapper.append(el('label', { class: 'ac-check', for: id }, field, el('span', { text: String(input.title ?? '') })));
      break;
    }
    default: {
      const choices = Array.isArray(input.choices) ? input.choices : [];
      const multiple = input.isMultiSelect === true;
      if (!multiple && input.style !== 'expanded') {
        const select = el('select', { id });
        if (!input.value) select.append(el('option', { value: '', text: input.placeholder ?? '' }));
        for (const choice of choices) select.append(el('option', { value: String(choice?.value ?? ''), text: String(choice?.title ?? '') }));
        select.value = input.value ?? '';
        read = () => select.value;
        focusTarget = select;
        wrapper.append(label(), select);
      } else {
        // Expanded choices, and every multiple choice: radio buttons or check boxes in a fieldset.
        const chosen = new Set(String(input.value ?? '').split(',').map((v) => v.trim()).filter(Boolean));
        const fieldset = el('fieldset', { class: `ac-choices ${input.style === 'expanded' ? 'expanded' : 'compact'}`, id });
        fieldset.append(el('legend', {}, labelText, required ? el('span', { class: 'ac-required', 'aria-hidden': 'true', text: ' *' }) : null));
        for (const choice of choices) {
          const value = String(choice?.value ?? '');
          const box = el('input', { type: multiple ? 'checkbox' : 'radio', name: id, value });
          box.checked = chosen.has(value);
          fieldset.append(el('label', { class: 'ac-check' }, box, el('span', { text: String(choice?.title ?? '') })));
        }
        read = () => [...fieldset.querySelectorAll('input:checked')].map((box) => box.value).join(',');
        focusTarget = fieldset.querySelector('input') ?? fieldset;
        wrapper.append(fieldset);
      }
    }
  }

  wrapper.append(error);
  if (input.id) {
    scope.inputs.push({
      id: String(input.id),
      read,
      focus: () => focusTarget?.focus(),
      validate() {
        const ok = !required || read() !== '';
        error.hidden = ok;
        error.textContent = ok ? '' : String(input.errorMessage ?? t('required'));
        focusTarget?.setAttribute('aria-invalid', String(!ok));
        if (!ok) focusTarget?.setAttribute('aria-describedby', error.id);
        return ok;
      },
    });
  }
  return wrapper;
}

function renderActions(actions, scope) {
  const set = el('div', { class: 'ac-actionset' });
  const bar = el('div', { class: 'ac-actions' });
  set.append(bar);
  for (const action of actions) {
    if (!action || typeof action !== 'object') continue;
    const style = action.style === 'positive' || action.style === 'destructive' ? ` ${action.style}` : '';
    if (action.type === 'Action.Execute' || action.type === 'Action.Submit') {
      bar.append(el('button', { type: 'button', class: `ac-action${style}`, text: String(action.title ?? ''), onclick: () => pressAction(action, scope) }));
    } else if (action.type === 'Action.OpenUrl' && /^https?:\/\//i.test(String(action.url ?? ''))) {
      bar.append(el('a', { class: 'ac-action', href: action.url, target: '_blank', rel: 'noopener noreferrer', text: String(action.title ?? action.url) }));
    } else if (action.type === 'Action.ShowCard' && action.card) {
      const sub = el('div', { class: 'ac-subcard', id: nextUid(), hidden: true });
      appendElements(sub, action.card.body, scope);
      if (Array.isArray(action.card.actions)) sub.append(renderActions(action.card.actions, scope));
      const toggle = el('button', { type: 'button', class: 'ac-action', 'aria-expanded': 'false', 'aria-controls': sub.id, text: String(action.title ?? '') });
      toggle.addEventListener('click', () => {
        sub.hidden = !sub.hidden;
        toggle.setAttribute('aria-expanded', String(!sub.hidden));
      });
      bar.append(toggle);
      set.append(sub);
    }
  }
  return set;
}

// ---------- talking to the bot ----------

function currentConversation() {
  if (state.tab !== 'group') {
    const owner = state.members.find((m) => m.id === state.tab);
    if (owner) return { id: state.personalPrefix + owner.id, personal: true, writer: owner };
  }
  return { id: state.groupId, personal: false, writer: me() };
}

function conversationById(id) {
  if (id.startsWith(state.personalPrefix)) {
    const owner = state.members.find((m) => state.personalPrefix + m.id === id);
    if (owner) return { id, personal: true, writer: owner };
  }
  return { id, personal: false, writer: me() };
}

function me() {
  return state.members.find((m) => m.id === state.me) ?? state.members[0];
}

function envelope(conversation, from) {
  return {
    channelId: state.channelId,
    serviceUrl: `${location.origin}/playground/connector/`,
    conversation: {
      id: conversation.id,
      conversationType: conversation.personal ? 'personal' : 'groupChat',
      isGroup: !conversation.personal,
      tenantId: state.tenantId,
    },
    from: { id: from.id, name: from.name },
    recipient: { id: state.bot.id, name: state.bot.name },
    locale: locale(),
    timestamp: new Date().toISOString(),
    channelData: { tenant: { id: state.tenantId } },
  };
}

async function problemText(response) {
  try {
    const body = await response.json();
    return body?.detail ?? body?.title ?? body?.error?.message ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

async function deliver(activity) {
  const response = await fetch('/playground/messages', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (!response.ok) {
    showStatus(t('botRefused', response.status, await problemText(response)), 'error');
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function connectorCall(method, path, body) {
  const response = await fetch(`/playground/connector/v3/conversations/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(await problemText(response));
  return response.json();
}

async function sendText(text) {
  const conversation = currentConversation();
  if (!conversation.id || !conversation.writer) return;
  const mention = `<at>${state.bot.name}</at>`;
  const activity = {
    type: 'message',
    textFormat: 'plain',
    ...envelope(conversation, conversation.writer),
  };
  if (conversation.personal) {
    activity.text = text;
  } else {
    // In a group chat the bot hears only messages that mention it; Teams puts the mention in the text and an entity.
    activity.text = `${mention} ${text}`;
    activity.entities = [{ type: 'mention', mentioned: { id: state.bot.id, name: state.bot.name }, text: mention }];
  }

  try {
    // The channel numbers and keeps the message first (as Teams' service does), then it goes to the bot.
    const recorded = await connectorCall('POST', `${encodeURIComponent(conversation.id)}/activities`, activity);
    await deliver({ ...activity, id: recorded.id });
  } catch (error) {
    showStatus(t('sendFailed', error.message), 'error');
  }
}

async function pressAction(action, scope) {
  const values = {};
  let invalid = null;
  for (const input of scope.inputs) {
    if (!input.validate()) invalid ??= input;
    else values[input.id] = input.read();
  }
  if (invalid) {
    invalid.focus();
    return;
  }

  // Whoever the page is now presses the button, not whoever it was when the card arrived.
  const { activity } = scope;
  const conversation = conversationById(scope.conversation.id);
  const data = action.data && typeof action.data === 'object' && !Array.isArray(action.data) ? { ...action.data, ...values } : values;
  const buttons = [...scope.root.querySelectorAll('button')];
  buttons.forEach((button) => { button.disabled = true; });
  try {
    const base = envelope(conversation, conversation.writer);
    if (action.type === 'Action.Execute') {
      const answer = await deliver({
        ...base,
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: newActivityId(),
        replyToId: activity.id,
        value: { action: { type: 'Action.Execute', id: action.id, verb: action.verb, data }, trigger: 'manual' },
      });
      await applyInvokeAnswer(answer, conversation.id, activity);
    } else {
      // Action.Submit: a message whose value holds the data and the inputs; the bot updates the card itself.
      await deliver({ ...base, type: 'message', id: newActivityId(), replyToId: activity.id, value: data });
    }
  } catch (error) {
    showStatus(t('sendFailed', error.message), 'error');
  } finally {
    buttons.forEach((button) => { if (button.isConnected) button.disabled = false; });
  }
}

/** Teams replaces the pressed card with the card in the invoke response; the channel keeps the change for every page. */
async function applyInvokeAnswer(answer, conversationId, activity) {
  if (!answer) return;
  if (answer.type === CARD && answer.value) {
    const updated = { ...activity, attachments: [{ contentType: CARD, content: answer.value }] };
    upsert(conversationId, updated, false);
    await connectorCall('PUT', `${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activity.id)}`, updated);
  } else if (answer.type === 'application/vnd.microsoft.error') {
    showStatus(t('botRefused', answer.statusCode, answer.value?.message ?? ''), 'error');
  } else if (typeof answer.value === 'string' && answer.value.trim()) {
    showStatus(`${state.bot.name}: ${answer.value}`, 'info');
  }
}

/** Adds the bot to a conversation, as Teams announces an installation: once per browser session and conversation. */
async function ensureBotAdded(conversation) {
  if (!conversation.id || !conversation.writer) return;
  const key = `playground.botAdded.${conversation.id}`;
  if (sessionStorage.getItem(key) || conversationOf(conversation.id).list.length > 0) return;
  sessionStorage.setItem(key, '1');
  try {
    await deliver({
      ...envelope(conversation, conversation.writer),
      type: 'conversationUpdate',
      id: newActivityId(),
      membersAdded: [{ id: state.bot.id, name: state.bot.name }],
    });
  } catch (error) {
    sessionStorage.removeItem(key);
    showStatus(t('sendFailed', error.message), 'error');
  }
}

// ---------- the conversations as the channel streams them ----------

function conversationOf(id) {
  let conversation = state.conversations.get(id);
  if (!conversation) {
    conversation = { list: [], index: new Map() };
    state.conversations.set(id, conversation);
  }
  return conversation;
}

function reindex(conversation) {
  conversation.index = new Map(conversation.list.map((activity, i) => [activity.id, i]));
}

function upsert(conversationId, activity, live) {
  const conversation = conversationOf(conversationId);
  const at = conversation.index.get(activity.id);
  if (at === undefined) {
    conversation.list.push(activity);
    conversation.index.set(activity.id, conversation.list.length - 1);
  } else {
    conversation.list[at] = activity;
  }

  if (conversationId === currentConversation().id) {
    showActivity(activity);
  } else if (live && at === undefined && activity.from?.id === state.bot.id) {
    state.unread.set(conversationId, (state.unread.get(conversationId) ?? 0) + 1);
    renderTabs();
  }
}

function remove(conversationId, activityId) {
  const conversation = conversationOf(conversationId);
  conversation.list = conversation.list.filter((activity) => activity.id !== activityId);
  reindex(conversation);
  const node = state.rendered.get(activityId);
  if (node) {
    node.remove();
    state.rendered.delete(activityId);
  }
}

function timeOf(activity) {
  const date = new Date(activity.timestamp ?? Date.now());
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
}

function renderMessage(activity, conversation) {
  const fromBot = activity.from?.id === state.bot.id;
  const member = state.members.find((m) => m.id === activity.from?.id);
  const name = fromBot ? state.bot.name : member?.name ?? activity.from?.name ?? '?';
  const mine = !fromBot && activity.from?.id === conversation.writer?.id;
  const article = el('article', {
    class: `msg ${fromBot ? 'from-bot' : 'from-member'}${mine ? ' mine' : ''}`,
    dataset: { id: activity.id, from: activity.from?.id ?? '' },
  });
  const body = el('div', { class: 'bubble' });
  body.append(el('header', { class: 'msg-header' },
    el('span', { class: 'who', text: name }),
    mine ? el('span', { class: 'who-note', text: t('you_suffix') }) : null,
    el('time', { datetime: activity.timestamp ?? '', text: timeOf(activity) })));
  if (activity.text) body.append(el('div', { class: 'msg-text' }, markdown(activity.text)));
  for (const attachment of Array.isArray(activity.attachments) ? activity.attachments : []) {
    if (attachment?.contentType === CARD && attachment.content && typeof attachment.content === 'object') {
      body.append(renderCard(attachment.content, { activity, conversation }));
    } else if (attachment?.name) {
      body.append(el('p', { class: 'attachment', text: attachment.name }));
    }
  }
  article.append(fromBot ? avatar(state.bot.name, null, 'bot-avatar') : avatar(name, colourOf(activity.from?.id)), body);
  return article;
}

function isNearBottom() {
  return dom.log.scrollHeight - dom.log.scrollTop - dom.log.clientHeight < 80;
}

function showActivity(activity) {
  const stick = isNearBottom();
  const conversation = currentConversation();
  const node = renderMessage(activity, conversation);
  const old = state.rendered.get(activity.id);
  if (old) old.replaceWith(node);
  else {
    dom.log.querySelector('.empty')?.remove();
    node.classList.add('arrived');
    dom.log.append(node);
  }
  state.rendered.set(activity.id, node);
  if (stick || !old) dom.log.scrollTop = dom.log.scrollHeight;
}

function renderLog() {
  const conversation = currentConversation();
  state.rendered.clear();
  dom.log.replaceChildren();
  const list = conversation.id ? conversationOf(conversation.id).list : [];
  if (list.length === 0) {
    const note = conversation.personal ? t('emptyPrivate', conversation.writer.name) : t('emptyGroup');
    dom.log.append(el('div', { class: 'empty' }, markdown(note)));
  }
  for (const activity of list) {
    const node = renderMessage(activity, conversation);
    state.rendered.set(activity.id, node);
    dom.log.append(node);
  }
  dom.log.scrollTop = dom.log.scrollHeight;
  state.unread.delete(conversation.id);
}

// ---------- members, tabs, composer ----------

async function saveMembers(members) {
  const response = await fetch('/playground/members', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ members }),
  });
  if (!response.ok) {
    showStatus(await problemText(response), 'error');
    return false;
  }
  applyState(await response.json());
  return true;
}

function memberIdFor(name) {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'member';
  let id = base;
  for (let n = 2; state.members.some((m) => m.id === id); n++) id = `${base}-${n}`;
  return id;
}

function setMe(memberId) {
  state.me = memberId;
  localStorage.setItem(STORE.me, memberId);
  renderMembers();
  if (state.tab === 'group') {
    // Only the marks of whose messages are "mine" change; cards keep what was typed in them.
    for (const node of dom.log.querySelectorAll('.msg.from-member')) {
      const mine = node.dataset.from === memberId;
      node.classList.toggle('mine', mine);
      const header = node.querySelector('.msg-header');
      header.querySelector('.who-note')?.remove();
      if (mine) header.querySelector('.who').after(el('span', { class: 'who-note', text: t('you_suffix') }));
    }
  }
  renderComposer();
}

function renderMembers() {
  const current = me();
  dom.members.replaceChildren(...state.members.map((member) => {
    const isMe = member.id === current?.id;
    const item = el('li', { class: `member${isMe ? ' current' : ''}` });
    const pick = el('button', {
      type: 'button',
      class: 'member-pick',
      'aria-pressed': String(isMe),
      title: t('switchTo', member.name),
      onclick: () => setMe(member.id),
    }, avatar(member.name, colourOf(member.id)), el('span', { class: 'member-name', text: member.name }),
    isMe ? el('span', { class: 'you', text: t('you') }) : null);
    const rename = el('button', {
      type: 'button',
      class: 'icon-button',
      'aria-label': t('rename', member.name),
      title: t('rename', member.name),
      text: '✎',
      onclick: () => startRename(item, member),
    });
    item.append(pick, rename);
    return item;
  }));
}

function startRename(item, member) {
  const id = nextUid();
  const field = el('input', { id, value: member.name, maxlength: 60, autocomplete: 'off' });
  const form = el('form', { class: 'rename', novalidate: true },
    el('label', { for: id, class: 'visually-hidden', text: t('renameLabel', member.name) }),
    field,
    el('button', { type: 'submit', text: t('save') }),
    el('button', { type: 'button', class: 'secondary', text: t('cancel'), onclick: () => renderMembers() }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = field.value.trim();
    if (name.length === 0 || name.length > 60) {
      showStatus(t('nameInvalid'), 'error');
      field.focus();
      return;
    }
    await saveMembers(state.members.map((m) => (m.id === member.id ? { ...m, name } : m)));
  });
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') renderMembers();
  });
  item.replaceChildren(form);
  field.select();
  field.focus();
}

function selectTab(key, focus = false) {
  if (state.tab === key) return;
  state.tab = key;
  showStatus('');
  renderTabs();
  renderLog();
  renderComposer();
  if (focus) document.getElementById(`tab-${key}`)?.focus();
  const conversation = currentConversation();
  if (conversation.personal) ensureBotAdded(conversation);
}

function renderTabs() {
  if (state.tab !== 'group' && !state.members.some((m) => m.id === state.tab)) state.tab = 'group';
  const tabs = [{ key: 'group', label: t('groupTab'), conversationId: state.groupId },
    ...state.members.map((m) => ({ key: m.id, label: t('privateTab', m.name), conversationId: state.personalPrefix + m.id }))];
  dom.tabs.replaceChildren(...tabs.map((tab, i) => {
    const selected = tab.key === state.tab;
    const unread = state.unread.get(tab.conversationId) ?? 0;
    return el('button', {
      type: 'button',
      role: 'tab',
      id: `tab-${tab.key}`,
      class: `tab${i === 0 ? ' group-tab' : ''}`,
      'aria-selected': String(selected),
      'aria-controls': 'panel',
      tabindex: selected ? 0 : -1,
      onclick: () => selectTab(tab.key),
      onkeydown: (event) => {
        const keys = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
        if (!(event.key in keys)) return;
        event.preventDefault();
        selectTab(tabs[(keys[event.key] + tabs.length) % tabs.length].key, true);
      },
    }, tab.label, unread > 0 && !selected ? el('span', { class: 'unread', 'aria-label': t('unread', unread), text: String(unread) }) : null);
  }));
  dom.panel.setAttribute('aria-labelledby', `tab-${state.tab}`);
}

function renderComposer() {
  const conversation = currentConversation();
  const name = conversation.writer?.name ?? '';
  dom.composerLabel.textContent = conversation.personal ? t('composerPrivate', name) : t('composerGroup', name);
}

function renderTexts() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  for (const node of document.querySelectorAll('[data-text-placeholder]')) node.placeholder = t(node.dataset.textPlaceholder);
  for (const node of document.querySelectorAll('[data-text-aria-label]')) node.setAttribute('aria-label', t(node.dataset.textAriaLabel));
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
}

function renderAll() {
  renderTexts();
  renderMembers();
  renderTabs();
  renderLog();
  renderComposer();
}

function applyState(next) {
  const groupChanged = next.groupConversationId !== state.groupId;
  const namesBefore = JSON.stringify(state.members);
  state.channelId = next.channelId ?? state.channelId;
  state.tenantId = next.tenantId ?? state.tenantId;
  state.personalPrefix = next.personalConversationPrefix ?? state.personalPrefix;
  state.bot = next.bot ?? state.bot;
  state.groupId = next.groupConversationId;
  state.members = Array.isArray(next.members) ? next.members : [];
  if (state.members.length > 0) localStorage.setItem(STORE.members, JSON.stringify(state.members));
  if (!state.members.some((m) => m.id === state.me) && state.members.length > 0) state.me = state.members[0].id;
  renderMembers();
  renderTabs();
  // A renamed member's messages show the new name (a redraw, so only when names changed).
  if ((groupChanged && state.tab === 'group') || namesBefore !== JSON.stringify(state.members)) renderLog();
  renderComposer();
  if (state.members.length > 0) ensureBotAdded({ id: state.groupId, personal: false, writer: me() });
}

function storedMembers() {
  try {
    const members = JSON.parse(localStorage.getItem(STORE.members) ?? 'null');
    if (Array.isArray(members) && members.length > 0 && members.every((m) => typeof m?.id === 'string' && typeof m?.name === 'string')) return members;
  } catch {
    // A damaged entry: start from the default group.
  }
  return DEFAULT_MEMBERS.map((name) => ({ id: name.toLowerCase(), name }));
}

// ---------- the stream from the channel ----------

function connect() {
  dom.connection.textContent = t('connecting');
  dom.connection.dataset.state = 'connecting';
  const events = new EventSource('/playground/events');
  events.addEventListener('open', () => {
    dom.connection.textContent = t('connected');
    dom.connection.dataset.state = 'connected';
  });
  events.addEventListener('error', () => {
    dom.connection.textContent = t('disconnected');
    dom.connection.dataset.state = 'disconnected';
  });
  events.addEventListener('snapshot', (event) => {
    // The first event of every connection: the whole picture, so a reload or a reconnect starts from the truth.
    const snapshot = JSON.parse(event.data);
    state.conversations.clear();
    for (const conversation of snapshot.conversations ?? []) {
      const entry = { list: conversation.activities ?? [], index: new Map() };
      reindex(entry);
      state.conversations.set(conversation.id, entry);
    }
    state.groupId = null;
    applyState(snapshot.state);
    renderAll();
    if (state.members.length === 0) saveMembers(storedMembers());
  });
  events.addEventListener('state', (event) => applyState(JSON.parse(event.data)));
  events.addEventListener('activity', (event) => {
    const change = JSON.parse(event.data);
    upsert(change.conversationId, change.activity, true);
    if (change.conversationId === currentConversation().id && change.activity.from?.id === state.bot.id) dom.typing.textContent = '';
  });
  events.addEventListener('deleted', (event) => {
    const change = JSON.parse(event.data);
    remove(change.conversationId, change.activityId);
  });
  events.addEventListener('typing', (event) => {
    const change = JSON.parse(event.data);
    if (change.conversationId !== currentConversation().id) return;
    dom.typing.textContent = t('typing', change.from?.name ?? state.bot.name);
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(() => { dom.typing.textContent = ''; }, 3000);
  });
}

// ---------- wiring ----------

dom.composer.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = dom.message.value.trim();
  if (!text) return;
  dom.message.value = '';
  showStatus('');
  await sendText(text);
  dom.message.focus();
});

dom.message.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    dom.composer.requestSubmit();
  }
});

dom.addMember.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = dom.newMemberName.value.trim();
  if (name.length === 0 || name.length > 60) {
    showStatus(t('nameInvalid'), 'error');
    dom.newMemberName.focus();
    return;
  }
  if (await saveMembers([...state.members, { id: memberIdFor(name), name }])) dom.newMemberName.value = '';
});

dom.newGroup.addEventListener('click', async () => {
  const response = await fetch('/playground/group-chats', { method: 'POST' });
  if (!response.ok) {
    showStatus(await problemText(response), 'error');
    return;
  }
  selectTab('group');
  applyState(await response.json());
  showStatus(t('newGroupDone'));
});

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    state.lang = button.dataset.lang === 'en' ? 'en' : 'nl';
    localStorage.setItem(STORE.lang, state.lang);
    renderAll();
  });
}

// The address from the start-up log carries the run's key; the host swapped it for a cookie, so it leaves the address bar
// (and the history) before anything else happens.
if (new URLSearchParams(location.search).has('key')) history.replaceState(null, '', '/');

renderTexts();
connect();
