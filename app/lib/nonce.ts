/**
 * The CSP nonce of the document being rendered. entry.server.tsx provides it; root.tsx passes it to
 * <Scripts> and <ScrollRestoration>. In the browser it is empty (browsers hide nonces from the DOM and
 * scripts added after hydration come from this origin, which the policy allows).
 */
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string>('');

export function useNonce(): string {
  return useContext(NonceContext);
}
