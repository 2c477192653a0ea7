// Talking to the bot as Teams does: activities to the playground's own endpoint (/playground/messages), with this host's
// playground channel as the service URL, and the channel's connector API to record a member's message first and to
// keep a card the bot replaced.

import { CARD } from './cards.js';
import { conversationOf, notePresser, upsert } from './conversations.js';
import { showStatus } from './dom.js';
import { conversationById, currentConversation, state } from './state.js';
import { locale, t } from './texts.js';

/** What the bot answers a press that needs no other answer; it stays in the status line. */
const ACKNOWLEDGED = '✓';

const newActivityId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

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

export async function problemText(response) {
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

export async function sendText(text) {
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

export async function pressAction(action, scope) {
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
      await applyInvokeAnswer(answer, conversation, activity);
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

/**
 * Teams replaces the pressed card with the card in the invoke response; the channel keeps the change for every page. A
 * message in the response is for the presser alone: a note only they see.
 */
async function applyInvokeAnswer(answer, conversation, activity) {
  if (!answer) return;
  const conversationId = conversation.id;
  if (answer.type === CARD && answer.value) {
    const updated = { ...activity, attachments: [{ contentType: CARD, content: answer.value }] };
    upsert(conversationId, updated, false);
    await connectorCall('PUT', `${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activity.id)}`, updated);
  } else if (answer.type === 'application/vnd.microsoft.error') {
    showStatus(t('botRefused', answer.statusCode, answer.value?.message ?? ''), 'error');
  } else if (typeof answer.value === 'string' && answer.value.trim() && answer.value !== ACKNOWLEDGED) {
    notePresser(conversationId, conversation.writer.id, answer.value);
  } else if (typeof answer.value === 'string' && answer.value.trim()) {
    showStatus(`${state.bot.name}: ${answer.value}`, 'info');
  }
}

/** Adds the bot to a conversation, as Teams announces an installation: once per browser session and conversation. */
export async function ensureBotAdded(conversation) {
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
