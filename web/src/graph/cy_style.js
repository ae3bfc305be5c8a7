// The Cytoscape stylesheet: node colour and shape by kind, edge labels from data(display).
import { KINDS, kindStyle } from './kinds.js';

const kStatusColors = { stated: '#64748b', planned: '#0f766e', denied: '#b91c1c' };

export function graphStyle() {
  const rules = [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': 11,
        color: '#1f2937',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': 120,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 2,
        width: 26,
        height: 26,
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
    ...KINDS.map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': kindStyle(kind).color, shape: kindStyle(kind).shape },
    })),
    {
      selector: 'node.root',
      style: {
        width: 40,
        height: 40,
        'font-weight': 'bold',
        'font-size': 13,
        'border-width': 4,
        'border-color': '#f2b134',
      },
    },
    { selector: 'node.expanded', style: { 'border-color': '#1e3a5f', 'border-width': 3 } },
    {
      selector: 'node:selected',
      style: { 'border-color': '#111827', 'border-width': 4, 'overlay-opacity': 0 },
    },
    {
      selector: 'edge',
      style: {
        label: 'data(display)',
        'font-size': 9,
        color: '#374151',
        'text-rotation': 'autorotate',
        'text-background-color': '#f8fafc',
        'text-background-opacity': 0.9,
        'text-background-padding': 1,
        width: 1.6,
        'curve-style': 'bezier',
        'line-color': kStatusColors.stated,
        'target-arrow-color': kStatusColors.stated,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
      },
    },
    { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
    {
      selector: 'edge[status = "planned"]',
      style: {
        'line-style': 'dashed',
        'line-color': kStatusColors.planned,
        'target-arrow-color': kStatusColors.planned,
      },
    },
    {
      selector: 'edge[status = "denied"]',
      style: {
        'line-style': 'dotted',
        'line-color': kStatusColors.denied,
        'target-arrow-color': kStatusColors.denied,
      },
    },
    {
      selector: 'edge[relation = "mentions"], edge[relation = "quoted_in"]',
      style: { width: 1, opacity: 0.6 },
    },
    {
      selector: 'edge:selected',
      style: { width: 4, 'line-color': '#f2b134', 'target-arrow-color': '#f2b134', opacity: 1 },
    },
    { selector: '.faded', style: { opacity: 0.15 } },
    {
      selector: 'node.on-path',
      style: { 'border-color': '#dc2626', 'border-width': 4, opacity: 1 },
    },
    {
      selector: 'edge.on-path',
      style: {
        width: 4,
        'line-color': '#dc2626',
        'target-arrow-color': '#dc2626',
        opacity: 1,
        'z-index': 10,
      },
    },
    { selector: '.filtered', style: { display: 'none' } },
  ];
  return rules;
}
