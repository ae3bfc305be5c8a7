// Interface language: one dictionary per language (i18n/fr.js, i18n/en.js). Static elements
// carry their key in data-i18n (and data-i18n-placeholder, -aria-label, -title) and are
// translated by applyI18n; dynamic views re-render from onLangChange.
import en from '../i18n/en.js';
import fr from '../i18n/fr.js';

export const LANGS = ['fr', 'en'];
const dictionaries = { fr, en };
const kStorageKey = 'presskg.lang';
const listeners = new Set();

let lang = initialLang();

function initialLang() {
  try {
    const saved = localStorage.getItem(kStorageKey);
    if (LANGS.includes(saved)) return saved;
  } catch {
    // Storage may be disabled; fall back to the browser's language.
  }
  return (navigator.language || 'fr').toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function getLang() {
  return lang;
}

// The string for `key` in the current language with {name} placeholders filled from `params`;
// the key itself when no dictionary has it (a visible bug rather than a blank).
export function t(key, params) {
  const text = dictionaries[lang][key] ?? dictionaries.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : ''));
}

// Whether `key` exists (for optional keys such as literal fact types).
export function hasKey(key) {
  return key in dictionaries[lang];
}

export function setLang(next) {
  if (!LANGS.includes(next) || next === lang) return;
  lang = next;
  try {
    localStorage.setItem(kStorageKey, next);
  } catch {
    // Not kept across reloads then.
  }
  document.documentElement.lang = next;
  applyI18n(document.body);
  for (const listener of listeners) listener(next);
}

// Calls `listener(lang)` after every change; returns a function that unsubscribes.
export function onLangChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const kAttributes = [
  ['i18nPlaceholder', 'placeholder'],
  ['i18nAriaLabel', 'aria-label'],
  ['i18nTitle', 'title'],
];

// Translates `root` and its descendants that carry data-i18n* keys.
export function applyI18n(root) {
  const elements = [root, ...root.querySelectorAll('*')];
  for (const el of elements) {
    if (!el.dataset) continue;
    if (el.dataset.i18n) el.textContent = t(el.dataset.i18n);
    for (const [key, attribute] of kAttributes) {
      if (el.dataset[key]) el.setAttribute(attribute, t(el.dataset[key]));
    }
  }
}

// A name in the current language: label_fr / label_en when set, else label.
export function localName(item) {
  if (!item) return '';
  return (lang === 'fr' ? item.label_fr : item.label_en) || item.label || item.name || '';
}

export function formatNumber(value) {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(value);
}
