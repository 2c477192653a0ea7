// The conversations as the channel streams them: each one's activities in order, with an index by id. A change is
// passed on to the view that shows it (the chat view registers itself), so talking to the bot needs no view.

import { state } from './state.js';

let view = { changed() {}, removed() {}, noted() {} };

/** The chat view registers here; changed(conversationId, activity, { isNew, live }), removed(activityId) and noted(conversationId, note). */
export function showChangesIn(next) {
  view = next;
}

export function conversationOf(id) {
  let conversation = state.conversations.get(id);
  if (!conversation) {
    conversation = { list: [], index: new Map(), notes: [] };
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

/**
 * A note only one member sees: the bot's answer to that member's press alone (Teams shows it to the presser, Slack as an
 * ephemeral message). The page keeps it, after the conversation's latest message; the channel never holds it.
 */
export function notePresser(conversationId, memberId, text) {
  const conversation = conversationOf(conversationId);
  const note = { memberId, text, after: conversation.list.at(-1)?.id ?? null, timestamp: new Date().toISOString() };
  conversation.notes.push(note);
  view.noted(conversationId, note);
}

/** Replaces everything the page knew by the channel's snapshot (the first event of every connection); notes stay. */
export function replaceAll(conversations) {
  const notes = new Map([...state.conversations].map(([id, conversation]) => [id, conversation.notes]));
  state.conversations.clear();
  for (const conversation of conversations ?? []) {
    const entry = { list: conversation.activities ?? [], index: new Map(), notes: notes.get(conversation.id) ?? [] };
    reindex(entry);
    state.conversations.set(conversation.id, entry);
  }
}
