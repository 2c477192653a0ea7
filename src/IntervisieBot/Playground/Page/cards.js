// Adaptive Cards: the parts the bot uses, and a little more. A button calls the press function in the context the card
// was drawn with (the chat view passes the bot's pressAction), with the values of the card's inputs.

import { el, nextUid } from './dom.js';
import { inline, markdown } from './markdown.js';
import { t } from './texts.js';

export const CARD = 'application/vnd.microsoft.card.adaptive';

export function renderCard(card, context) {
  const root = el('div', { class: 'ac' });
  const scope = { ...context, root, inputs: [] };
  appendElements(root, card?.body, scope);
  if (Array.isArray(card?.actions) && card.actions.length > 0) root.append(renderActions(card.actions, scope));
  return root;
}

function appendElements(parent, elements, scope) {
  for (const element of Array.isArray(elements) ? elements : []) {
    const node = renderElement(element, scope);
    if (node) parent.append(node);
  }
}

function renderElement(element, scope) {
  if (!element || typeof element !== 'object' || element.isVisible === false) return null;
  const node = buildElement(element, scope);
  if (node === undefined) {
    // An element this renderer does not know: its fallback, or nothing (as Adaptive Cards prescribe).
    return element.fallback && typeof element.fallback === 'object' ? renderElement(element.fallback, scope) : null;
  }
  if (node && element.separator) node.classList.add('ac-separator');
  if (node && typeof element.spacing === 'string') node.classList.add(`ac-spacing-${element.spacing.toLowerCase()}`);
  return node;
}

function buildElement(element, scope) {
  switch (element.type) {
    case 'TextBlock': {
      const classes = ['ac-text'];
      if (element.size) classes.push(`ac-size-${String(element.size).toLowerCase()}`);
      if (element.weight) classes.push(`ac-weight-${String(element.weight).toLowerCase()}`);
      if (element.color) classes.push(`ac-color-${String(element.color).toLowerCase()}`);
      if (element.isSubtle) classes.push('ac-subtle');
      const heading = element.style === 'heading';
      return el('div', { class: classes.join(' '), role: heading ? 'heading' : null, 'aria-level': heading ? 3 : null }, markdown(element.text));
    }
    case 'FactSet':
      return el('dl', { class: 'ac-facts' }, (element.facts ?? []).map((fact) => [
        el('dt', {}, inline(String(fact?.title ?? ''))),
        el('dd', {}, inline(String(fact?.value ?? ''))),
      ]));
    case 'Container': {
      const container = el('div', { class: 'ac-container' });
      appendElements(container, element.items, scope);
      return container;
    }
    case 'ColumnSet':
      return el('div', { class: 'ac-columns' }, (element.columns ?? []).map((column) => {
        const node = el('div', { class: 'ac-column' });
        appendElements(node, column?.items, scope);
        return node;
      }));
    case 'ActionSet':
      return renderActions(element.actions ?? [], scope);
    case 'Input.Text':
    case 'Input.Number':
    case 'Input.Date':
    case 'Input.Time':
    case 'Input.Toggle':
    case 'Input.ChoiceSet':
      return renderInput(element, scope);
    default:
      return undefined;
  }
}

function renderInput(input, scope) {
  const id = nextUid();
  const required = input.isRequired === true;
  const error = el('p', { class: 'ac-error', id: `${id}-error`, hidden: true });
  const wrapper = el('div', { class: 'ac-input' });
  const labelText = String(input.label ?? '');
  let read;
  let focusTarget;

  const label = () => el('label', { for: id }, labelText, required ? el('span', { class: 'ac-required', 'aria-hidden': 'true', text: ' *' }) : null);

  switch (input.type) {
    case 'Input.Text': {
      const field = input.isMultiline ? el('textarea', { id, rows: 3 }) : el('input', { id, type: 'text' });
      if (input.placeholder) field.placeholder = input.placeholder;
      if (Number.isInteger(input.maxLength) && input.maxLength > 0) field.maxLength = input.maxLength;
      field.value = input.value ?? '';
      read = () => field.value;
      focusTarget = field;
      wrapper.append(label(), field);
      break;
    }
    case 'Input.Number':
    case 'Input.Date':
    case 'Input.Time': {
      const type = { 'Input.Number': 'number', 'Input.Date': 'date', 'Input.Time': 'time' }[input.type];
      const field = el('input', { id, type, min: input.min, max: input.max, placeholder: input.placeholder });
      field.value = input.value ?? '';
      read = () => field.value;
      focusTarget = field;
      wrapper.append(label(), field);
      break;
    }
    case 'Input.Toggle': {
      const on = String(input.valueOn ?? 'true');
      const off = String(input.valueOff ?? 'false');
      const field = el('input', { id, type: 'checkbox' });
      field.checked = String(input.value ?? off) === on;
      read = () => (field.checked ? on : off);
      focusTarget = field;
      if (labelText) wrapper.append(el('span', { class: 'ac-label', text: labelText }));
      wrapper.append(el('label', { class: 'ac-check', for: id }, field, el('span', { text: String(input.title ?? '') })));
      break;
    }
    default: {
      const choices = Array.isArray(input.choices) ? input.choices : [];
      const multiple = input.isMultiSelect === true;
      if (!multiple && input.style !== 'expanded') {
        const select = el('select', { id });
        if (!input.value) select.append(el('option', { value: '', text: input.placeholder ?? '' }));
        for (const choice of choices) select.append(el('option', { value: String(choice?.value ?? ''), text: String(choice?.title ?? '') }));
        select.value = input.value ?? '';
        read = () => select.value;
        focusTarget = select;
        wrapper.append(label(), select);
      } else {
        // Expanded choices, and every multiple choice: radio buttons or check boxes in a fieldset.
        const chosen = new Set(String(input.value ?? '').split(',').map((v) => v.trim()).filter(Boolean));
        const fieldset = el('fieldset', { class: `ac-choices ${input.style === 'expanded' ? 'expanded' : 'compact'}`, id });
        fieldset.append(el('legend', {}, labelText, required ? el('span', { class: 'ac-required', 'aria-hidden': 'true', text: ' *' }) : null));
        for (const choice of choices) {
          const value = String(choice?.value ?? '');
          const box = el('input', { type: multiple ? 'checkbox' : 'radio', name: id, value });
          box.checked = chosen.has(value);
          fieldset.append(el('label', { class: 'ac-check' }, box, el('span', { text: String(choice?.title ?? '') })));
        }
        read = () => [...fieldset.querySelectorAll('input:checked')].map((box) => box.value).join(',');
        focusTarget = fieldset.querySelector('input') ?? fieldset;
        wrapper.append(fieldset);
      }
    }
  }

  wrapper.append(error);
  if (input.id) {
    scope.inputs.push({
      id: String(input.id),
      read,
      focus: () => focusTarget?.focus(),
      validate() {
        const ok = !required || read() !== '';
        error.hidden = ok;
        error.textContent = ok ? '' : String(input.errorMessage ?? t('required'));
        focusTarget?.setAttribute('aria-invalid', String(!ok));
        if (!ok) focusTarget?.setAttribute('aria-describedby', error.id);
        return ok;
      },
    });
  }
  return wrapper;
}

function renderActions(actions, scope) {
  const set = el('div', { class: 'ac-actionset' });
  const bar = el('div', { class: 'ac-actions' });
  set.append(bar);
  for (const action of actions) {
    if (!action || typeof action !== 'object') continue;
    const style = action.style === 'positive' || action.style === 'destructive' ? ` ${action.style}` : '';
    if (action.type === 'Action.Execute' || action.type === 'Action.Submit') {
      bar.append(el('button', { type: 'button', class: `ac-action${style}`, text: String(action.title ?? ''), onclick: () => scope.press(action, scope) }));
    } else if (action.type === 'Action.OpenUrl' && /^https?:\/\//i.test(String(action.url ?? ''))) {
      bar.append(el('a', { class: 'ac-action', href: action.url, target: '_blank', rel: 'noopener noreferrer', text: String(action.title ?? action.url) }));
    } else if (action.type === 'Action.ShowCard' && action.card) {
      const sub = el('div', { class: 'ac-subcard', id: nextUid(), hidden: true });
      appendElements(sub, action.card.body, scope);
      if (Array.isArray(action.card.actions)) sub.append(renderActions(action.card.actions, scope));
      const toggle = el('button', { type: 'button', class: 'ac-action', 'aria-expanded': 'false', 'aria-controls': sub.id, text: String(action.title ?? '') });
      toggle.addEventListener('click', () => {
        sub.hidden = !sub.hidden;
        toggle.setAttribute('aria-expanded', String(!sub.hidden));
      });
      bar.append(toggle);
      set.append(sub);
    }
  }
  return set;
}
