// The alert paragraph that replaces a panel whose data could not be loaded.
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';

export function errorText(error) {
  return h('p', {
    class: 'error',
    role: 'alert',
    text: t('error.generic', { message: error.message }),
  });
}
