// Text, safe, with a little markdown: **bold**, _italic_, lists, line breaks, links and <at> mentions.

import { el } from './dom.js';

const INLINE = /<at>(.*?)<\/at>|\*\*(.+?)\*\*|(?<![\p{L}\p{N}_])_(.+?)_(?![\p{L}\p{N}_])|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/gu;

export function inline(text) {
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

export function markdown(text) {
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
