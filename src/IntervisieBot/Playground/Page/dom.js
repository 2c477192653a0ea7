// The page's elements and the small helpers that build new ones. Everything the bot sends is put in as text
// (textContent, text nodes), never as HTML.

import { state } from './state.js';

const COLOURS = ['#2f6690', '#8a4f9e', '#2e7d4f', '#b0562b', '#a33a5a', '#4a5fc1', '#6f6a1f', '#2f7f7a'];

export const dom = {
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

let uid = 0;
export const nextUid = () => `pg-${++uid}`;

export function el(tag, props = {}, ...children) {
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

export function initials(name) {
  const words = String(name).trim().split(/\s+/).filter(Boolean);
  const capitals = words.length === 1 ? words[0].match(/\p{Lu}/gu) ?? [] : [];
  if (capitals.length > 1) return capitals[0] + capitals[1];
  const letters = words.length > 1 ? words[0][0] + words[words.length - 1][0] : String(name).trim().slice(0, 2);
  return letters.toUpperCase() || '?';
}

export function colourOf(memberId) {
  const index = state.members.findIndex((m) => m.id === memberId);
  return index < 0 ? '#6b7280' : COLOURS[index % COLOURS.length];
}

export function avatar(name, colour, extraClass = '') {
  const node = el('span', { class: `avatar ${extraClass}`, 'aria-hidden': 'true', text: initials(name) });
  if (colour) node.style.setProperty('--avatar', colour);
  return node;
}

export function showStatus(message, kind = 'info') {
  dom.status.textContent = message;
  dom.status.dataset.kind = kind;
}
