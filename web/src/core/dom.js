// DOM building without innerHTML: every string becomes a text node or an attribute value, so
// text that comes from documents can never become markup.
import { t } from './i18n.js';

// Creates <tag> with `attrs` and `children`. Attributes: `class`, `text` (textContent),
// `i18n` (a dictionary key kept in data-i18n and translated by applyI18n), `on<event>`
// (listener), booleans (present when true); every other value is set with setAttribute.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = String(value);
    else if (name === 'i18n') {
      el.dataset.i18n = value;
      el.textContent = t(value);
    } else if (name.startsWith('i18n-')) {
      el.dataset[i18nAttrKey(name.slice(5))] = value;
      el.setAttribute(name.slice(5), t(value));
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  appendChildren(el, children);
  return el;
}

// "aria-label" -> "i18nAriaLabel" (the dataset key applyI18n reads).
export function i18nAttrKey(attribute) {
  const camel = attribute.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  return `i18n${camel[0].toUpperCase()}${camel.slice(1)}`;
}

// Appends strings (as text nodes), nodes and nested arrays; skips null, undefined and false.
export function appendChildren(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Replaces every child of `el`.
export function setChildren(el, ...children) {
  el.replaceChildren();
  return appendChildren(el, children);
}

// A unique id for aria-* references.
let nextId = 0;
export function uid(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
