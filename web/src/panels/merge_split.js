// Corrections an editor makes with the write token: merge a duplicate into this entity, or split
// aliases off into a new entity. Hidden when the server has neither endpoint.
import { api } from '../core/api.js';
import { h, uid } from '../core/dom.js';
import { localName, t } from '../core/i18n.js';
import { forgetEntity } from '../core/entity_cache.js';
import { hasFeature, markMissing } from '../core/features.js';
import { notify } from '../core/notify.js';
import { withToken } from '../core/write_call.js';
import { createAutocomplete } from '../components/autocomplete.js';

function whyField() {
  const id = uid('why');
  const input = h('textarea', { id, class: 'text-input', rows: 2, required: true });
  return {
    input,
    element: h(
      'div',
      { class: 'field' },
      h('label', { for: id, class: 'field-label', i18n: 'edit.why' }),
      input,
    ),
  };
}

async function submit(feature, call, onDone) {
  try {
    const answer = await withToken(call);
    if (answer === null) return;
    notify(t(`edit.${feature}Done`), 'success');
    onDone(answer);
  } catch (error) {
    if (error.missingEndpoint) {
      markMissing(feature);
      notify(t('edit.unavailable'), 'error');
      return;
    }
    notify(t('error.generic', { message: error.message }), 'error');
  }
}

// A correction form. `validate()` returns an error key or null; `call(token, why)` sends it;
// `changed()` lists the entity ids whose cached details are stale afterwards.
function editForm({ feature, explain, fields, validate, call, changed }, onChanged) {
  const why = whyField();
  return h(
    'form',
    {
      class: 'edit-form',
      onsubmit: (event) => {
        event.preventDefault();
        const problem = validate();
        if (problem) {
          notify(t(problem), 'error');
          return;
        }
        submit(
          feature,
          (token) => call(token, why.input.value.trim()),
          () => {
            const ids = changed();
            ids.forEach(forgetEntity);
            onChanged(ids[0]);
          },
        );
      },
    },
    h('h4', { i18n: `edit.${feature}Title` }),
    explain,
    fields,
    why.element,
    h('button', { type: 'submit', class: 'button button-danger', i18n: `edit.${feature}` }),
  );
}

function mergeForm(entity, onChanged) {
  let other = null;
  const picker = createAutocomplete({
    name: 'merge',
    labelKey: 'edit.mergeWith',
    placeholderKey: 'search.placeholder',
    onSelect: (chosen) => {
      other = chosen;
    },
  });
  return editForm(
    {
      feature: 'merge',
      explain: h('p', {
        class: 'muted small',
        text: t('edit.mergeExplain', { name: localName(entity) }),
      }),
      fields: picker.element,
      validate: () => (!other || other.id === entity.id ? 'edit.pickOther' : null),
      call: (token, why) => api.merge({ a: entity.id, b: other.id, why }, token),
      changed: () => [entity.id, other.id],
    },
    onChanged,
  );
}

function splitForm(entity, onChanged) {
  const boxes = (entity.aliases ?? []).map((alias) => {
    const id = uid('split');
    const input = h('input', { type: 'checkbox', id, value: alias.name });
    const text = `${alias.name}${alias.lang ? ` (${alias.lang})` : ''}`;
    return { input, element: h('div', { class: 'check' }, input, h('label', { for: id, text })) };
  });
  const chosen = () => [...new Set(boxes.filter((b) => b.input.checked).map((b) => b.input.value))];
  return editForm(
    {
      feature: 'split',
      explain: h('p', { class: 'muted small', i18n: 'edit.splitExplain' }),
      fields: h(
        'fieldset',
        { class: 'check-list' },
        h('legend', { class: 'visually-hidden', i18n: 'entity.aliases' }),
        boxes.map((b) => b.element),
      ),
      validate: () => (chosen().length ? null : 'edit.pickAliases'),
      call: (token, why) => api.split(entity.id, { aliases: chosen(), why }, token),
      changed: () => [entity.id],
    },
    onChanged,
  );
}

// The collapsible "correct this entity" section, or null when the server cannot do either.
export function mergeSplitSection(entity, onChanged) {
  const canMerge = hasFeature('merge');
  const canSplit = hasFeature('split') && (entity.aliases?.length ?? 0) > 1;
  if (!canMerge && !canSplit) return null;
  return h(
    'details',
    { class: 'edit-section' },
    h('summary', { i18n: 'edit.title' }),
    h('p', { class: 'muted small', i18n: 'edit.tokenNote' }),
    canMerge ? mergeForm(entity, onChanged) : null,
    canSplit ? splitForm(entity, onChanged) : null,
  );
}
