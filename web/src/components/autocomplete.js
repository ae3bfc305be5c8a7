// An accessible entity combobox (WAI-ARIA 1.2 combobox with a listbox popup): debounced search
// over every name and alias, arrow keys to move, Enter to choose, Escape to close.
import { api } from '../core/api.js';
import { h, setChildren, uid } from '../core/dom.js';
import { localName, onLangChange, t } from '../core/i18n.js';
import { fold } from '../text/fold.js';
import { kindBadge } from './kind_badge.js';

const kDebounceMs = 180;
const kLimit = 12;

// The alias that the query matched when it is not the displayed name, else ''.
function matchedAlias(entity, query) {
  const q = fold(query.trim());
  const shown = localName(entity);
  if (fold(shown).startsWith(q)) return '';
  const alias = (entity.aliases ?? []).find((a) => fold(a.name).includes(q));
  return alias && alias.name !== shown ? alias.name : '';
}

// options: { labelKey, placeholderKey, onSelect(entity), name }.
// Returns { element, input, setEntity(entity), clear(), focus() }.
export function createAutocomplete({ labelKey, placeholderKey, onSelect, name = 'entity' }) {
  const inputId = uid(`ac-${name}`);
  const listId = uid(`ac-${name}-list`);
  const statusId = uid(`ac-${name}-status`);
  let results = [];
  let active = -1;
  let timer = null;
  let controller = null;
  let lastQuery = '';

  const label = h('label', { for: inputId, i18n: labelKey, class: 'field-label' });
  const input = h('input', {
    id: inputId,
    type: 'search',
    class: 'ac-input',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': statusId,
    'i18n-placeholder': placeholderKey,
  });
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'ac-list',
    hidden: true,
    'aria-labelledby': inputId,
  });
  const status = h('div', { id: statusId, class: 'visually-hidden', 'aria-live': 'polite' });
  const element = h(
    'div',
    { class: 'ac' },
    label,
    h('div', { class: 'ac-box' }, input, list),
    status,
  );

  function open(isOpen) {
    list.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) {
      active = -1;
      input.removeAttribute('aria-activedescendant');
    }
  }

  function renderOptions() {
    const items = results.map((entity, index) => {
      const alias = matchedAlias(entity, lastQuery);
      return h(
        'li',
        {
          id: `${listId}-${index}`,
          role: 'option',
          class: 'ac-option',
          'aria-selected': String(index === active),
          onmousedown: (event) => event.preventDefault(),
          onclick: () => choose(index),
        },
        kindBadge(entity.kind),
        h('span', { class: 'ac-name', text: localName(entity) }),
        alias ? h('span', { class: 'ac-alias', text: t('search.alias', { name: alias }) }) : null,
        h('span', {
          class: 'ac-docs',
          text: t('search.documents', { count: entity.documents ?? 0 }),
        }),
      );
    });
    if (items.length === 0 && lastQuery) {
      items.push(
        h('li', {
          class: 'ac-empty',
          role: 'option',
          'aria-disabled': 'true',
          text: t('search.none'),
        }),
      );
    }
    setChildren(list, items);
    open(items.length > 0 && document.activeElement === input);
  }

  function setActive(index) {
    if (results.length === 0) return;
    active = (index + results.length) % results.length;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    list.children[active]?.scrollIntoView({ block: 'nearest' });
  }

  function choose(index) {
    const entity = results[index];
    if (!entity) return;
    input.value = localName(entity);
    open(false);
    onSelect(entity);
  }

  async function search(query) {
    controller?.abort();
    controller = new AbortController();
    try {
      const data = await api.search(query, kLimit, controller.signal);
      if (query !== input.value.trim()) return;
      results = data.results ?? [];
      lastQuery = query;
      active = -1;
      status.textContent = t('search.count', { count: results.length });
      renderOptions();
    } catch (error) {
      if (error.name === 'AbortError') return;
      results = [];
      status.textContent = t('search.error', { message: error.message });
      setChildren(
        list,
        h('li', {
          class: 'ac-empty',
          role: 'option',
          'aria-disabled': 'true',
          text: t('search.error', { message: error.message }),
        }),
      );
      open(true);
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (!query) {
      results = [];
      lastQuery = '';
      open(false);
      return;
    }
    timer = setTimeout(() => search(query), kDebounceMs);
  });

  input.addEventListener('keydown', (event) => {
    const isOpen = !list.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen && results.length) renderOptions();
        setActive(active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive(active - 1);
        break;
      case 'Enter':
        if (isOpen && results.length) {
          event.preventDefault();
          choose(active >= 0 ? active : 0);
        }
        break;
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          open(false);
        }
        break;
      case 'Tab':
        open(false);
        break;
      default:
        break;
    }
  });
  input.addEventListener('blur', () => setTimeout(() => open(false), 100));
  input.addEventListener('focus', () => {
    if (results.length && input.value.trim() === lastQuery) renderOptions();
  });
  onLangChange(() => {
    if (!list.hidden) renderOptions();
  });

  return {
    element,
    input,
    setEntity(entity) {
      input.value = entity ? localName(entity) : '';
      results = [];
      open(false);
    },
    clear() {
      input.value = '';
      results = [];
      open(false);
    },
    focus: () => input.focus(),
  };
}
