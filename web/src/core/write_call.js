// Runs a write call that needs the token: asks for it once, forgets it when refused (401).
import { forgetToken, requireToken } from './token.js';
import { t } from './i18n.js';

// Resolves to call(token)'s answer, or null when the user cancelled; throws other errors with a
// translated message.
export async function withToken(call) {
  const token = await requireToken();
  if (token === null) return null;
  try {
    return await call(token);
  } catch (error) {
    if (error.status === 401) {
      forgetToken();
      throw new Error(t('token.refused'));
    }
    throw error;
  }
}
