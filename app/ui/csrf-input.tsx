/** The hidden CSRF field every state-changing form carries (the token comes from the root loader). */
import { useRouteLoaderData } from '@remix-run/react';

export function CsrfInput() {
  const data = useRouteLoaderData('root') as { csrf?: string } | undefined;
  return <input type="hidden" name="csrf" value={data?.csrf ?? ''} />;
}
