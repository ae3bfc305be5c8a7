// Builds text with <mark> ranges as DOM nodes (never markup), so any text stays text.
import { h } from '../core/dom.js';
import { findNames } from './fold.js';

// A fragment of `text` with each [start, end) UTF-16 range wrapped in <mark class=cls>.
export function highlightRanges(text, ranges, cls = 'hl') {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    if (start > at) fragment.append(text.slice(at, start));
    fragment.append(h('mark', { class: cls, text: text.slice(start, end) }));
    at = end;
  }
  if (at < text.length) fragment.append(text.slice(at));
  return fragment;
}

// `sentence` with every occurrence of `names` highlighted.
export function highlightNames(sentence, names) {
  return highlightRanges(sentence, findNames(sentence, names), 'hl-name');
}
