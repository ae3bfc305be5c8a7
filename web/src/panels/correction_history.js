// The audit log of an entity: merges, splits and reverts with when and why, each merge or split
// undoable with the write token (POST /api/v1/corrections/{id}/revert).
import { api } from '../core/api.js';
import { h, uid } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { forgetEntity } from '../core/entity_cache.js';
import { notify } from '../core/notify.js';
import { withToken } from '../core/write_call.js';

function summary(c) {
  const names = { from: c.from.label, to: c.to.label, id: c.reverts };
  return t(`history.${c.kind}`, names);
}

function undoForm(c, onChanged) {
  const id = uid('undo-why');
  const why = h('textarea', { id, class: 'text-input', rows: 2, required: true });
  const form = h(
    'form',
    {
      class: 'edit-form undo-form',
      hidden: true,
      onsubmit: async (event) => {
        event.preventDefault();
        if (!why.value.trim()) return;
        try {
          const answer = await withToken((token) =>
            api.revert(c.id, { why: why.value.trim() }, token),
          );
          if (answer === null) return;
          [c.from.id, c.to.id].forEach(forgetEntity);
          notify(t('history.undone'), 'success');
          onChanged(answer.to?.id ?? answer.from?.id ?? c.to.id);
        } catch (error) {
          notify(t('error.generic', { message: error.message }), 'error');
        }
      },
    },
    h('label', { for: id, class: 'field-label', i18n: 'edit.why' }),
    why,
    h('button', { type: 'submit', class: 'button button-danger', i18n: 'history.undoConfirm' }),
  );
  const toggle = h('button', {
    type: 'button',
    class: 'button small',
    i18n: 'history.undo',
    onclick: () => {
      form.hidden = !form.hidden;
      if (!form.hidden) why.focus();
    },
  });
  return [toggle, form];
}

function item(c, onChanged) {
  const undoable = c.kind !== 'revert' && c.reverted_by === null;
  return h(
    'li',
    { class: 'correction', 'data-kind': c.kind },
    h('div', { class: 'correction-what', text: `#${c.id} ${summary(c)}` }),
    h('div', { class: 'muted small', text: `${c.when} · ${t('edit.why')}: ${c.why}` }),
    c.reverted_by !== null
      ? h('div', { class: 'muted small', text: t('history.reverted', { id: c.reverted_by }) })
      : null,
    undoable ? undoForm(c, onChanged) : null,
  );
}

// The history section, or null when the entity was never corrected.
export function correctionHistory(entity, onChanged) {
  const log = entity.corrections ?? [];
  if (!log.length && !entity.redirected_from) return null;
  return h(
    'section',
    { class: 'correction-history' },
    h('h3', { class: 'subsection', i18n: 'history.title' }),
    entity.redirected_from
      ? h('p', { class: 'notice', text: t('history.redirected', { id: entity.redirected_from }) })
      : null,
    h('ul', { class: 'plain-list' }, [...log].reverse().map((c) => item(c, onChanged))),
  );
}
