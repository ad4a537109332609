/**
 * The server's own store (etl/store/state-store.ts): issued letters, route plans, number sequences.
 * One per server process, opened on first use; the warehouse stays read-only for the server.
 */
import { StateStore } from '../../etl/store/state-store';
import { env } from './env.server';

let opening: Promise<StateStore> | null = null;

export function stateStore(): Promise<StateStore> {
  opening ??= StateStore.open(env.stateFile).catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}
