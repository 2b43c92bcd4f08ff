import { RoleModel } from './roles.js';
import { ROLE_MODEL } from './roles-data.js';

let shipped: RoleModel | null = null;

/** The shipped role tagger, loaded on first use. */
export function defaultRoleModel(): RoleModel {
  return (shipped ??= RoleModel.fromJSON(ROLE_MODEL));
}
