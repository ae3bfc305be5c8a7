// GraphML of the graph on screen. Pure: takes plain node and edge data, returns the XML text.

const kNodeKeys = [
  ['label', 'string'],
  ['label_fr', 'string'],
  ['label_en', 'string'],
  ['kind', 'string'],
];
const kEdgeKeys = [
  ['relation', 'string'],
  ['label', 'string'],
  ['status', 'string'],
  ['confidence', 'double'],
  ['first_seen', 'string'],
  ['last_seen', 'string'],
  ['evidence_count', 'int'],
  ['sources', 'int'],
  ['symmetric', 'boolean'],
];

// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
export function xmlEscape(value) {
  return String(value)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function keyLines(owner, keys) {
  return keys.map(
    ([name, type]) =>
      `  <key id="${owner[0]}_${name}" for="${owner}" attr.name="${name}" attr.type="${type}"/>`,
  );
}

function dataLines(owner, keys, data, indent) {
  const lines = [];
  for (const [name] of keys) {
    const value = data[name];
    if (value === undefined || value === null || value === '') continue;
    lines.push(`${indent}<data key="${owner[0]}_${name}">${xmlEscape(value)}</data>`);
  }
  return lines;
}

// nodes: [{id, label, label_fr, label_en, kind}], edges: [{id, source, target, relation, label,
// status, confidence, first_seen, last_seen, evidence_count, sources, symmetric}].
export function toGraphML(nodes, edges) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines('node', kNodeKeys),
    ...keyLines('edge', kEdgeKeys),
    '  <graph id="presskg" edgedefault="directed">',
  ];
  for (const node of nodes) {
    lines.push(`    <node id="n${xmlEscape(node.id)}">`);
    lines.push(...dataLines('node', kNodeKeys, node, '      '));
    lines.push('    </node>');
  }
  edges.forEach((edge, index) => {
    lines.push(
      `    <edge id="e${index}" source="n${xmlEscape(edge.source)}" target="n${xmlEscape(edge.target)}">`,
    );
    lines.push(...dataLines('edge', kEdgeKeys, edge, '      '));
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
