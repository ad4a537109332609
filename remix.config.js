/**
 * Remix classic compiler (not Vite): see ../shared/STACK.md for why each setting is here.
 *
 * v3_singleFetch stays OFF (decided 2025-07): it changes what loaders return (turbo-stream instead of
 * json(), different header and revalidation rules) while three people write loaders against `json()`
 * and `useLoaderData<typeof loader>`; the warehouse gateway already turns BIGINT into numbers, so its
 * main gain (bigint/Date over the wire) buys us nothing. Turn it on together with the React Router v7
 * move, in one change that touches every loader.
 *
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  // ESM barrels that are slow to import unbundled (cold start ~2.2 s → ~0.9 s).
  serverDependenciesToBundle: [/^echarts/, /^zrender/, /^date-fns/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
};
