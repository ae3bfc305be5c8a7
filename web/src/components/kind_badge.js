// A small coloured label naming an entity kind, shaped like its graph node.
import { h } from '../core/dom.js';
import { kindStyle } from '../graph/kinds.js';

export function kindBadge(kind) {
  const style = kindStyle(kind);
  return h(
    'span',
    { class: `kind-badge kind-${style.key}` },
    h('span', { class: `kind-swatch shape-${style.shape}`, 'aria-hidden': 'true' }),
    h('span', { i18n: `kind.${style.key}` }),
  );
}
