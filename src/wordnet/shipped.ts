import { SupersenseTable } from './supersenses.js';
import { SUPERSENSE_TABLE } from './supersenses-data.js';

let shipped: SupersenseTable | null = null;

/** The shipped supersense table, loaded on first use. */
export function defaultSupersenses(): SupersenseTable {
  return (shipped ??= SupersenseTable.fromJSON(SUPERSENSE_TABLE));
}
