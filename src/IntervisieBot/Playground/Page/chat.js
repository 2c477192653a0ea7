// The chat view: the open conversation's messages, the tabs (the group chat and each member's private chat, with a
// count of unread messages) and the composer.

import { ensureBotAdded, pressAction, sendText } from './bot.js';
import { CARD, renderCard } from './cards.js';
import { conversationOf, showChangesIn } from './conversations.js';
import { avatar, colourOf, dom, el, showStatus } from './dom.js';
import { markdown } from './markdown.js';
import { currentConversation, state } from './state.js';
import { locale, t } from './texts.js';

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
      body.append(renderCard(attachment.content, { activity, conversation, press: pressAction }));
    } else if (attachment?.name) {
      body.append(el('p', { class: 'attachment', text: attachment.name }));
    }
  }
  article.append(fromBot ? avatar(state.bot.name, null, 'bot-avatar') : avatar(name, colourOf(activity.from?.id)), body);
  return article;
}

/** A note for one member (the bot's answer to their press alone); hidden while the page writes as someone else. */
function renderNote(note, conversation) {
  const article = el('article', {
    class: 'msg from-bot presser-note',
    dataset: { member: note.memberId },
    hidden: note.memberId !== conversation.writer?.id,
  });
  const body = el('div', { class: 'bubble' });
  body.append(el('header', { class: 'msg-header' },
    el('span', { class: 'who', text: state.bot.name }),
    el('span', { class: 'who-note', text: t('onlyYou') }),
    el('time', { datetime: note.timestamp, text: timeOf(note) })));
  body.append(el('div', { class: 'msg-text' }, markdown(note.text)));
  article.append(avatar(state.bot.name, null, 'bot-avatar'), body);
  return article;
}

/** Shows only the notes for <memberId> (who the page writes as now). */
export function showNotesOf(memberId) {
  for (const node of dom.log.querySelectorAll('.presser-note')) node.hidden = node.dataset.member !== memberId;
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

export function renderLog() {
  const conversation = currentConversation();
  state.rendered.clear();
  dom.log.replaceChildren();
  const list = conversation.id ? conversationOf(conversation.id).list : [];
  const notes = conversation.id ? conversationOf(conversation.id).notes : [];
  if (list.length === 0) {
    const note = conversation.personal ? t('emptyPrivate', conversation.writer.name) : t('emptyGroup');
    dom.log.append(el('div', { class: 'empty' }, markdown(note)));
  }
  const notesAfter = (id) => notes.filter((note) => note.after === id).map((note) => renderNote(note, conversation));
  dom.log.append(...notesAfter(null));
  for (const activity of list) {
    const node = renderMessage(activity, conversation);
    state.rendered.set(activity.id, node);
    dom.log.append(node, ...notesAfter(activity.id));
  }
  dom.log.scrollTop = dom.log.scrollHeight;
  state.unread.delete(conversation.id);
}

export function selectTab(key, focus = false) {
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

export function renderTabs() {
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

export function renderComposer() {
  const conversation = currentConversation();
  const name = conversation.writer?.name ?? '';
  dom.composerLabel.textContent = conversation.personal ? t('composerPrivate', name) : t('composerGroup', name);
}

/** Shows the changes to the conversations: in place in the open one, as a count on the tab of another. */
showChangesIn({
  changed(conversationId, activity, { isNew, live }) {
    if (conversationId === currentConversation().id) {
      showActivity(activity);
    } else if (live && isNew && activity.from?.id === state.bot.id) {
      state.unread.set(conversationId, (state.unread.get(conversationId) ?? 0) + 1);
      renderTabs();
    }
  },
  noted(conversationId, note) {
    const conversation = currentConversation();
    if (conversationId !== conversation.id) return;
    dom.log.querySelector('.empty')?.remove();
    dom.log.append(renderNote(note, conversation));
    dom.log.scrollTop = dom.log.scrollHeight;
  },
  removed(activityId) {
    const node = state.rendered.get(activityId);
    if (node) {
      node.remove();
      state.rendered.delete(activityId);
    }
  },
});

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
