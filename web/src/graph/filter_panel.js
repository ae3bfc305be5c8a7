// The filter form: relation types present in the graph, kinds, statuses, date range.
import { h, setChildren, uid } from '../core/dom.js';
import { onLangChange } from '../core/i18n.js';
import { kindBadge } from '../components/kind_badge.js';
import { relationLabel } from './elements.js';
import { KINDS } from './kinds.js';
import { STATUSES, createFilterState, isValidDate, makePredicate } from './filter_state.js';

function checkbox(labelContent, checked, onChange) {
  const id = uid('filter');
  const input = h('input', {
    type: 'checkbox',
    id,
    checked,
    onchange: (e) => onChange(e.target.checked),
  });
  return h('div', { class: 'check' }, input, h('label', { for: id }, labelContent));
}

// onChange(predicate) runs after every change. Returns { element, refreshRelations(map) }.
export function createFilterPanel(onChange) {
  const state = createFilterState();
  let relations = new Map();
  const emit = () => onChange(makePredicate(state));

  const toggle = (set, key) => (checked) => {
    if (checked) set.delete(key);
    else set.add(key);
    emit();
  };

  const relationBox = h('div', { class: 'check-list' });
  function renderRelations() {
    const names = [...relations.keys()].sort((a, b) =>
      relationLabel(relations.get(a)).localeCompare(relationLabel(relations.get(b))),
    );
    if (names.length === 0) {
      setChildren(relationBox, h('p', { class: 'muted small', i18n: 'filters.noRelations' }));
      return;
    }
    setChildren(
      relationBox,
      names.map((name) =>
        checkbox(
          relationLabel(relations.get(name)),
          !state.hiddenRelations.has(name),
          toggle(state.hiddenRelations, name),
        ),
      ),
    );
  }

  const kindBox = h(
    'div',
    { class: 'check-list' },
    KINDS.map((kind) => checkbox(kindBadge(kind), true, toggle(state.hiddenKinds, kind))),
  );
  const statusBox = h(
    'div',
    { class: 'check-list' },
    STATUSES.map((status) =>
      checkbox(h('span', { i18n: `status.${status}` }), true, toggle(state.hiddenStatuses, status)),
    ),
  );

  function dateField(key, labelKey) {
    const id = uid('date');
    const input = h('input', {
      id,
      type: 'text',
      class: 'text-input date-input',
      inputmode: 'numeric',
      'i18n-placeholder': 'filters.datePlaceholder',
      pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?',
      oninput: (event) => {
        const value = event.target.value.trim();
        const valid = isValidDate(value);
        event.target.setAttribute('aria-invalid', String(!valid));
        if (!valid) return;
        state[key] = value;
        emit();
      },
    });
    return h(
      'div',
      { class: 'date-field' },
      h('label', { for: id, i18n: labelKey, class: 'field-label' }),
      input,
    );
  }

  const form = h(
    'form',
    { class: 'filters', 'aria-labelledby': 'filters-title', onsubmit: (e) => e.preventDefault() },
    h('fieldset', {}, h('legend', { i18n: 'filters.relations' }), relationBox),
    h('fieldset', {}, h('legend', { i18n: 'filters.kinds' }), kindBox),
    h('fieldset', {}, h('legend', { i18n: 'filters.statuses' }), statusBox),
    h(
      'fieldset',
      {},
      h('legend', { i18n: 'filters.dates' }),
      h(
        'div',
        { class: 'date-row' },
        dateField('from', 'filters.from'),
        dateField('to', 'filters.to'),
      ),
      checkbox(h('span', { i18n: 'filters.undated' }), true, (checked) => {
        state.keepUndated = checked;
        emit();
      }),
    ),
  );
  // Open on wide screens; folded on phones so the graph comes first.
  const element = h(
    'details',
    { class: 'filters-box', open: !window.matchMedia('(max-width: 720px)').matches },
    h(
      'summary',
      {},
      h('h2', { id: 'filters-title', class: 'section-title', i18n: 'filters.title' }),
    ),
    form,
  );
  renderRelations();
  onLangChange(renderRelations);

  return {
    element,
    predicate: () => makePredicate(state),
    refreshRelations(map) {
      relations = map;
      renderRelations();
    },
  };
}
