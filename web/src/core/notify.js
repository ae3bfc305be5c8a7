// Status messages in one polite live region (errors use role=alert inside it).
import { h, setChildren } from './dom.js';

let region = null;
let timer = null;

export function createNotifier() {
  region = h('div', { class: 'notifier', 'aria-live': 'polite' });
  return region;
}

// Shows `text` (already translated) for a while; kind is 'info', 'success' or 'error'.
export function notify(text, kind = 'info') {
  if (!region) return;
  clearTimeout(timer);
  const message = h('p', {
    class: `notice notice-${kind}`,
    role: kind === 'error' ? 'alert' : 'status',
    text,
  });
  setChildren(region, message);
  timer = setTimeout(() => region.replaceChildren(), kind === 'error' ? 10000 : 5000);
}
