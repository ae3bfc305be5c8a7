// Literal facts of an entity (employees, investment, revenue, founded...) with their sources.
import { h } from '../core/dom.js';
import { formatNumber, hasKey, t } from '../core/i18n.js';
import { evidenceList } from './evidence_list.js';

// 120 -> "120"; {"value": 30000000, "currency": "MAD"} -> "30 000 000 MAD"; else as text.
export function formatValue(value) {
  if (typeof value === 'number') return formatNumber(value);
  if (value && typeof value === 'object') {
    const amount = typeof value.value === 'number' ? formatNumber(value.value) : value.value;
    const rest = Object.entries(value)
      .filter(([key]) => key !== 'value')
      .map(([, v]) => String(v));
    if (amount !== undefined) return [amount, ...rest].join(' ');
    return JSON.stringify(value);
  }
  return String(value ?? '');
}

// The translated name of a literal fact type (the type itself when not in the dictionary).
export function factType(type) {
  return hasKey(`fact.${type}`) ? t(`fact.${type}`) : type;
}

function propertyText(properties) {
  const entries = Object.entries(properties ?? {});
  if (!entries.length) return null;
  return h('span', {
    class: 'muted small',
    text: entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', '),
  });
}

// A list of literal facts; `names` are highlighted in the source sentences.
export function literalFacts(facts, names) {
  if (!facts?.length) return h('p', { class: 'muted', i18n: 'entity.noFacts' });
  return h(
    'ul',
    { class: 'literal-list' },
    facts.map((fact) =>
      h(
        'li',
        { class: 'literal' },
        h(
          'p',
          { class: 'literal-head' },
          h('span', { class: 'literal-type', text: factType(fact.type) }),
          h('strong', { class: 'literal-value', text: formatValue(fact.value) }),
          propertyText(fact.properties),
        ),
        fact.evidence ? evidenceList([fact.evidence], names) : null,
      ),
    ),
  );
}
