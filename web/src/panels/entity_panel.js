// One entity: names in French and English, aliases, literal facts with sources, its relations
// (a keyboard-friendly list of the graph's edges), and merge / split.
import { api } from '../core/api.js';
import { h, setChildren } from '../core/dom.js';
import { formatNumber, localName, t } from '../core/i18n.js';
import { entityNames, getEntity } from '../core/entity_cache.js';
import { hasFeature } from '../core/features.js';
import { href } from '../core/router.js';
import { kindBadge } from '../components/kind_badge.js';
import { relationLabel } from '../graph/elements.js';
import { literalFacts } from './literal_facts.js';
import { mergeSplitSection } from './merge_split.js';
import { correctionHistory } from './correction_history.js';
import { errorText } from '../components/error_text.js';

const kRelationLimit = 100;

function namesList(entity) {
  return h(
    'dl',
    { class: 'props' },
    h('dt', { i18n: 'entity.nameFr' }),
    h('dd', { lang: 'fr', text: entity.label_fr || '—' }),
    h('dt', { i18n: 'entity.nameEn' }),
    h('dd', { lang: 'en', text: entity.label_en || '—' }),
    h('dt', { i18n: 'entity.degree' }),
    h('dd', { text: formatNumber(entity.degree ?? 0) }),
  );
}

function aliasList(entity) {
  const aliases = entity.aliases ?? [];
  if (!aliases.length) return h('p', { class: 'muted', i18n: 'entity.noAliases' });
  return h(
    'ul',
    { class: 'alias-list' },
    aliases.map((alias) =>
      h(
        'li',
        {},
        h('span', { lang: alias.lang || undefined, text: alias.name }),
        alias.lang ? h('span', { class: 'lang-tag', text: alias.lang.toUpperCase() }) : null,
        h('span', {
          class: 'muted small',
          text: t('search.documents', { count: alias.documents?.length ?? 0 }),
        }),
      ),
    ),
  );
}

function relationItem(edge, onEvidence) {
  const inverse = edge.direction === 'in';
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'link-button relation-item',
        'data-edge': `${edge.source}|${edge.relation}|${edge.target}`,
        onclick: () => onEvidence(edge),
      },
      h('span', { class: 'relation', text: relationLabel(edge, inverse) }),
      ' ',
      h('span', { class: 'neighbor', text: edge.neighbor?.label ?? '' }),
    ),
    h('span', { class: `status-dot status-${edge.status}`, title: t(`status.${edge.status}`) }),
  );
}

async function relationsSection(entity, onEvidence) {
  const section = h('div', { class: 'relations' });
  try {
    const answer = await api.neighbors(entity.id, { limit: kRelationLimit });
    const edges = answer.edges ?? [];
    section.append(
      h(
        'ul',
        { class: 'relation-list' },
        edges.map((edge) => relationItem(edge, onEvidence)),
      ),
    );
    if (answer.total > edges.length) {
      section.append(
        h('p', {
          class: 'muted small',
          text: t('entity.moreRelations', { shown: edges.length, total: answer.total }),
        }),
      );
    }
    if (!edges.length) section.append(h('p', { class: 'muted', i18n: 'entity.noRelations' }));
  } catch (error) {
    section.append(
      h('p', { class: 'error', text: t('error.generic', { message: error.message }) }),
    );
  }
  return section;
}

function actions(entity) {
  const links = [
    h('a', { class: 'button', href: href('explore', [entity.id]), i18n: 'entity.centre' }),
    h('a', {
      class: 'button',
      href: href('paths', [], { from: entity.id }),
      i18n: 'entity.pathFrom',
    }),
  ];
  if (entity.kind === 'document') {
    links.push(
      h('a', { class: 'button', href: href('document', [entity.id]), i18n: 'entity.readDocument' }),
    );
  }
  if (hasFeature('export')) {
    links.push(
      h('a', {
        class: 'button',
        href: api.exportUrl(entity.id, 2),
        download: `presskg-${entity.id}.graphml`,
        i18n: 'entity.exportServer',
      }),
    );
  }
  return h('div', { class: 'button-row wrap' }, links);
}

// Renders entity `id` into `container`. callbacks: { onEvidence(edge), onChanged(id) }.
export async function showEntity(container, id, callbacks) {
  setChildren(container, h('p', { class: 'muted', i18n: 'common.loading' }));
  let entity;
  try {
    entity = await getEntity(id);
  } catch (error) {
    setChildren(container, errorText(error));
    return;
  }
  const names = entityNames(entity);
  const relations = await relationsSection(entity, callbacks.onEvidence);
  setChildren(
    container,
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { class: 'panel-title entity-title', text: localName(entity) }),
      kindBadge(entity.kind),
    ),
    actions(entity),
    namesList(entity),
    h('h3', { class: 'subsection', i18n: 'entity.aliases' }),
    aliasList(entity),
    h('h3', { class: 'subsection', i18n: 'entity.facts' }),
    literalFacts(entity.facts, names),
    h('h3', { class: 'subsection', i18n: 'entity.relations' }),
    relations,
    correctionHistory(entity, callbacks.onChanged),
    entity.kind === 'document' ? null : mergeSplitSection(entity, callbacks.onChanged),
  );
}
