// The write token: asked once in a dialog, kept in this module's memory while the page is open,
// never written to localStorage, sessionStorage or a cookie.
import { askForToken } from '../components/token_dialog.js';

let token = null;

export function hasToken() {
  return token !== null;
}

// The token, asking for it when none is known; null when the user cancels.
export async function requireToken() {
  if (token === null) token = await askForToken();
  return token;
}

// Forgets a token the server refused (401), so the next write asks again.
export function forgetToken() {
  token = null;
}
