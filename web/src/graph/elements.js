// API JSON -> Cytoscape element definitions. Ids are strings: nodes "42", edges
// "source|relation|target" (the store's edge key, so one fact is one edge).
import { getLang, localName } from '../core/i18n.js';

export function edgeId(edge) {
  return `${edge.source}|${edge.relation}|${edge.target}`;
}

// The relation label in the interface language; the inverse label when reading target -> source.
export function relationLabel(edge, inverse = false) {
  const fr = getLang() === 'fr';
  if (inverse && !edge.symmetric) {
    return (fr ? edge.inverse_label_fr : edge.inverse_label_en) || edge.relation;
  }
  return (fr ? edge.label_fr : edge.label_en) || edge.relation;
}

export function nodeElement(node) {
  const data = {
    id: String(node.id),
    entity: node.id,
    label: node.label ?? '',
    label_fr: node.label_fr ?? '',
    label_en: node.label_en ?? '',
    kind: node.kind ?? 'unknown',
  };
  data.display = localName(data);
  return { group: 'nodes', data };
}

const kEdgeFields = [
  'relation',
  'label_fr',
  'label_en',
  'inverse_label_fr',
  'inverse_label_en',
  'symmetric',
  'status',
  'confidence',
  'first_seen',
  'last_seen',
  'sources',
  'evidence_count',
];

export function edgeElement(edge) {
  const data = { id: edgeId(edge), source: String(edge.source), target: String(edge.target) };
  for (const field of kEdgeFields) data[field] = edge[field];
  data.properties = edge.properties ?? {};
  data.display = relationLabel(data);
  return { group: 'edges', data };
}

// Elements for a neighbors answer around `center` ({id,label,kind,...}).
export function neighborElements(center, answer) {
  const elements = [nodeElement(center)];
  for (const edge of answer.edges ?? []) {
    elements.push(nodeElement(edge.neighbor));
    elements.push(edgeElement(edge));
  }
  return elements;
}

// Elements for a graph answer {nodes, edges}.
export function graphElements(answer) {
  return [...(answer.nodes ?? []).map(nodeElement), ...(answer.edges ?? []).map(edgeElement)];
}
