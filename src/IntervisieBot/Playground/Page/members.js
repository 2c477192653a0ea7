// The members panel (who you are, rename, add) and the channel's state it shows: the members, the bot and the current
// group chat. The page registers its members with the channel; a fresh browser starts from the default group.

import { ensureBotAdded, problemText } from './bot.js';
import { renderComposer, renderLog, renderTabs, showNotesOf } from './chat.js';
import { avatar, colourOf, dom, el, nextUid, showStatus } from './dom.js';
import { me, state, STORE } from './state.js';
import { t } from './texts.js';

const DEFAULT_MEMBERS = ['Anna', 'Bram', 'Cees', 'Dewi', 'Eva'];

export async function saveMembers(members) {
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

export function setMe(memberId) {
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
    showNotesOf(memberId);
  }
  renderComposer();
}

export function renderMembers() {
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

export function applyState(next) {
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

export function storedMembers() {
  try {
    const members = JSON.parse(localStorage.getItem(STORE.members) ?? 'null');
    if (Array.isArray(members) && members.length > 0 && members.every((m) => typeof m?.id === 'string' && typeof m?.name === 'string')) return members;
  } catch {
    // A damaged entry: start from the default group.
  }
  return DEFAULT_MEMBERS.map((name) => ({ id: name.toLowerCase(), name }));
}

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
