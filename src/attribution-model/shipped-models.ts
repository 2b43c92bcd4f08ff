/** The shipped role tagger, cue detector and boundary ranker, each loaded on first use (the BIO tagger loads in `stage.ts`). */
import { CueModel } from './cues.js';
import { CUE_MODEL } from './cues-data.js';
import { BoundsModel } from './bounds.js';
import { BOUNDS_MODEL } from './bounds-data.js';
import { RoleModel } from './roles.js';
import { ROLE_MODEL } from './roles-data.js';

let shipped: RoleModel | null = null;

/** The shipped role tagger, loaded on first use. */
export function defaultRoleModel(): RoleModel {
  return (shipped ??= RoleModel.fromJSON(ROLE_MODEL));
}

let shippedCues: CueModel | null = null;

/** The shipped cue detector, loaded on first use. */
export function defaultCueModel(): CueModel {
  return (shippedCues ??= CueModel.fromJSON(CUE_MODEL));
}

let shippedBounds: BoundsModel | null = null;

/** The shipped boundary ranker, loaded on first use. */
export function defaultBoundsModel(): BoundsModel {
  return (shippedBounds ??= BoundsModel.fromJSON(BOUNDS_MODEL));
}
