/** The shipped name typer, loaded on first use. */
import { NameTypeModel } from './name-types.js';
import { NAME_TYPES_MODEL } from './name-types-data.js';

let shipped: NameTypeModel | null = null;

/** The shipped name typer (`models/name-types.json`, trained by `hearsay train names`). */
export function defaultNameTypeModel(): NameTypeModel {
  return (shipped ??= NameTypeModel.fromJSON(NAME_TYPES_MODEL));
}
