// Accepts or rejects proposals by id, in as many calls as the contract's limit on one call asks.
import { api } from '../../api/api.ts';

const PER_CALL = 100_000;

export async function decideAll(ids: readonly number[], accept: boolean): Promise<number> {
  let changed = 0;
  for (let i = 0; i < ids.length; i += PER_CALL) changed += (await api.decideRedactions({ ids: ids.slice(i, i + PER_CALL), accept })).changed;
  return changed;
}
