// The stream from the channel (/playground/events, Server-Sent Events): a snapshot first, so a reload or a reconnect
// starts from the truth, then every change. The browser reconnects by itself when the stream breaks.

import { remove, replaceAll, upsert } from './conversations.js';
import { dom } from './dom.js';
import { applyState, saveMembers, storedMembers } from './members.js';
import { currentConversation, state } from './state.js';
import { t } from './texts.js';

/** Opens the stream; redraw draws the whole page again, after a snapshot. */
export function connect(redraw) {
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
    replaceAll(snapshot.conversations);
    state.groupId = null;
    applyState(snapshot.state);
    redraw();
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
