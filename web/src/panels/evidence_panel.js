// The evidence of one edge: the fact, its status and dates, and every source sentence.
import { api } from '../core/api.js';
import { h, setChildren } from '../core/dom.js';
import { formatNumber, hasKey, localName, t } from '../core/i18n.js';
import { entityNames, getEntity } from '../core/entity_cache.js';
import { relationLabel } from '../graph/elements.js';
import { evidenceList } from './evidence_list.js';
import { errorText } from '../components/error_text.js';

// A heading "source — relation → target" for an edge whose ends are `source` and `target`.
export function factLine(edge, source, target) {
  return h(
    'p',
    { class: 'fact-line' },
    h('strong', { text: localName(source) }),
    h('span', { class: 'relation', text: ` ${relationLabel(edge)} ` }),
    h('strong', { text: localName(target) }),
  );
}

function propertiesList(properties) {
  const entries = Object.entries(properties ?? {});
  if (!entries.length) return null;
  return h(
    'dl',
    { class: 'props' },
    entries.flatMap(([key, value]) => [
      h('dt', { text: hasKey(`prop.${key}`) ? t(`prop.${key}`) : key }),
      h('dd', { text: typeof value === 'object' ? JSON.stringify(value) : String(value) }),
    ]),
  );
}

// Renders the evidence of `edge` (edge data with source, relation, target) into `container`.
export async function showEvidence(container, edge) {
  setChildren(container, h('p', { class: 'muted', i18n: 'common.loading' }));
  try {
    const [answer, source, target] = await Promise.all([
      api.evidence(edge.source, edge.relation, edge.target),
      getEntity(edge.source),
      getEntity(edge.target),
    ]);
    const names = [...entityNames(source), ...entityNames(target)];
    const seen = answer.first_seen
      ? t('evidence.seen', {
          first: answer.first_seen,
          last: answer.last_seen || answer.first_seen,
        })
      : t('evidence.undated');
    setChildren(
      container,
      h('h2', { class: 'panel-title', i18n: 'evidence.title' }),
      factLine(answer, source, target),
      h(
        'p',
        { class: 'fact-meta' },
        h('span', { class: `status-tag status-${answer.status}`, i18n: `status.${answer.status}` }),
        h('span', { text: seen }),
        h('span', { text: t('evidence.sources', { count: formatNumber(answer.sources ?? 0) }) }),
      ),
      propertiesList(answer.properties),
      h('h3', {
        class: 'subsection',
        text: t('evidence.sentences', { count: answer.evidence?.length ?? 0 }),
      }),
      evidenceList(answer.evidence, names),
    );
  } catch (error) {
    setChildren(container, errorText(error));
  }
}
