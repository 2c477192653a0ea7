// What the page knows: its language, who it writes as, the open tab, the channel's state (the bot, the members, the
// current group chat) and every conversation's activities as the channel streams them.

export const STORE = { lang: 'playground.lang', me: 'playground.me', members: 'playground.members' };

export const state = {
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

export function me() {
  return state.members.find((m) => m.id === state.me) ?? state.members[0];
}

export function currentConversation() {
  if (state.tab !== 'group') {
    const owner = state.members.find((m) => m.id === state.tab);
    if (owner) return { id: state.personalPrefix + owner.id, personal: true, writer: owner };
  }
  return { id: state.groupId, personal: false, writer: me() };
}

export function conversationById(id) {
  if (id.startsWith(state.personalPrefix)) {
    const owner = state.members.find((m) => state.personalPrefix + m.id === id);
    if (owner) return { id, personal: true, writer: owner };
  }
  return { id, personal: false, writer: me() };
}
