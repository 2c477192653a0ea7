// The conversations as the channel streams them: each one's activities in order, with an index by id. A change is
// passed on to the view that shows it (the chat view registers itself), so talking to the bot needs no view.

import { state } from './state.js';

let view = { changed() {}, removed() {} };

/** The chat view registers here; changed(conversationId, activity, { isNew, live }) and removed(activityId). */
export function showChangesIn(next) {
  view = next;
}

export function conversationOf(id) {
  let conversation = state.conversations.get(id);
  if (!conversation) {
    conversation = { list: [], index: new Map() };
    state.conversations.set(id, conversation);
  }
  return conversation;
}

export function reindex(conversation) {
  conversation.index = new Map(conversation.list.map((activity, i) => [activity.id, i]));
}

export function upsert(conversationId, activity, live) {
  const conversation = conversationOf(conversationId);
  const at = conversation.index.get(activity.id);
  if (at === undefined) {
    conversation.list.push(activity);
    conversation.index.set(activity.id, conversation.list.length - 1);
  } else {
    conversation.list[at] = activity;
  }

  view.changed(conversationId, activity, { isNew: at === undefined, live });
}

export function remove(conversationId, activityId) {
  const conversation = conversationOf(conversationId);
  conversation.list = conversation.list.filter((activity) => activity.id !== activityId);
  reindex(conversation);
  view.removed(activityId);
}

/** Replaces everything the page knew by the channel's snapshot (the first event of every connection). */
export function replaceAll(conversations) {
  state.conversations.clear();
  for (const conversation of conversations ?? []) {
    const entry = { list: conversation.activities ?? [], index: new Map() };
    reindex(entry);
    state.conversations.set(conversation.id, entry);
  }
}
