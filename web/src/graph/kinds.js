// Colour and shape per entity kind: both differ, so the graph reads without colour vision.
const kKinds = {
  organization: { color: '#1f5fa8', shape: 'round-rectangle' },
  person: { color: '#b45309', shape: 'ellipse' },
  place: { color: '#15803d', shape: 'diamond' },
  sector: { color: '#7e22ce', shape: 'hexagon' },
  document: { color: '#57534e', shape: 'rectangle' },
};
const kUnknown = { color: '#6b7280', shape: 'octagon' };

export const KINDS = Object.keys(kKinds);

// { key, color, shape } for `kind` ("unknown" for anything else).
export function kindStyle(kind) {
  return kKinds[kind] ? { key: kind, ...kKinds[kind] } : { key: 'unknown', ...kUnknown };
}
