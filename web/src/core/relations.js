// Relation labels from GET /api/v1/relations, loaded once; statements and lists that only carry a
// relation id use them. Without the endpoint the id itself is shown.
import { api } from './api.js';
import { getLang } from './i18n.js';

let byId = null;
let loading = null;

export function loadRelations() {
  loading ??= api
    .relations()
    .then((answer) => {
      byId = new Map((answer.relations ?? []).map((r) => [r.id ?? r.name, r]));
    })
    .catch(() => {
      byId = new Map();
    });
  return loading;
}

// The label of relation `id` in the interface language (the inverse label when asked).
export function relationText(id, inverse = false) {
  const relation = byId?.get(id);
  if (!relation) return id.replace(/_/g, ' ');
  const fr = getLang() === 'fr';
  if (inverse && !relation.symmetric)
    return (fr ? relation.inverse_label_fr : relation.inverse_label_en) || id;
  return (fr ? relation.label_fr : relation.label_en) || id;
}
