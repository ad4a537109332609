/** The state store's letters and the warehouse's area list for the letters' routes (server only). */
import { areaChoices as queryAreaChoices } from '../../../etl/queries/area-list';
import { batchById, listLetters } from '../../../etl/store/letters';
import { stateStore } from '../state.server';
import { withWarehouse } from '../warehouse.server';

export { DuplicateBatchError } from '../../../etl/store/letters';

export function areaChoices() {
  return withWarehouse((wh) => queryAreaChoices(wh));
}

/** A batch and its letters in issue order, or null. */
export async function batchWithLetters(batchId: number) {
  const store = await stateStore();
  const batch = await batchById(store, batchId);
  if (!batch) return null;
  const letters = await listLetters(store, { batchId }, 10_000);
  return { batch, letters: [...letters].sort((a, b) => a.letter_id - b.letter_id) };
}
