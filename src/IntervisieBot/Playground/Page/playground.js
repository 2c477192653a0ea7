// The IntervisieBot playground: a group chat with simulated members, and each member's private chat with the bot.
// It speaks to the bot as Teams does: activities to the playground's own endpoint (/playground/messages), with this
// host's playground channel as the service URL. The channel keeps the conversations and streams every change back here (/playground/events).
// Plain JavaScript, no build step, nothing from elsewhere. Everything the bot sends is shown as text, never as HTML.
//
// The page's modules, each with one job (ES modules, loaded by the browser as they are; no build step):
//   state.js          what the page knows (language, who you are, the tab, members, conversations)
//   texts.js          the page's own texts in Dutch and English
//   dom.js            the page's elements and helpers that build new ones
//   markdown.js       text with a little markdown, always as text
//   cards.js          the Adaptive Card renderer
//   conversations.js  each conversation's activities, as the channel streams them
//   bot.js            talking to the bot and to the channel's connector
//   chat.js           the chat view: messages, tabs, composer
//   members.js        the members panel and the channel's state
//   events.js         the stream from the channel
// This module starts the page and wires what belongs to no single view.

import { problemText } from './bot.js';
import { renderComposer, renderLog, renderTabs, selectTab } from './chat.js';
import { dom, showStatus } from './dom.js';
import { connect } from './events.js';
import { applyState, renderMembers } from './members.js';
import { state, STORE } from './state.js';
import { renderTexts, t } from './texts.js';

function renderAll() {
  renderTexts();
  renderMembers();
  renderTabs();
  renderLog();
  renderComposer();
}

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
connect(renderAll);
