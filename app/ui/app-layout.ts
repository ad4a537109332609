/**
 * The signed-in layout's data (routes/_app.tsx) for any page inside it: the user, the as-of month
 * (`asOf`, always set when the warehouse has months; `asOfParam`, set only when the user chose one
 * and to be kept in links with withAsOf from ~/lib/as-of), the months and the freshness.
 */
import type { SerializeFrom } from '@remix-run/node';
import { useRouteLoaderData } from '@remix-run/react';
import type { loader } from '~/routes/_app';

export type AppLayoutData = SerializeFrom<typeof loader>;

export function useAppLayout(): AppLayoutData | undefined {
  return useRouteLoaderData<typeof loader>('routes/_app');
}
