// The modal that asks for the write token (a password field; the value goes to core/token.js).
import { h } from '../core/dom.js';
import { applyI18n } from '../core/i18n.js';

// Resolves to the typed token, or null when cancelled.
export function askForToken() {
  return new Promise((resolve) => {
    const input = h('input', {
      id: 'token-input',
      type: 'password',
      autocomplete: 'off',
      required: true,
      class: 'text-input',
    });
    const form = h(
      'form',
      { method: 'dialog', class: 'dialog-form' },
      h('h2', { id: 'token-title', i18n: 'token.title' }),
      h('p', { i18n: 'token.explain', class: 'muted' }),
      h('label', { for: 'token-input', i18n: 'token.label', class: 'field-label' }),
      input,
      h(
        'div',
        { class: 'button-row' },
        h('button', {
          type: 'button',
          class: 'button',
          i18n: 'common.cancel',
          value: 'cancel',
          onclick: () => dialog.close('cancel'),
        }),
        h('button', {
          type: 'submit',
          class: 'button button-primary',
          i18n: 'token.submit',
          value: 'ok',
        }),
      ),
    );
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'token-title' }, form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim()) dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      const value = dialog.returnValue === 'ok' ? input.value.trim() : null;
      dialog.remove();
      resolve(value || null);
    });
    applyI18n(dialog);
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
