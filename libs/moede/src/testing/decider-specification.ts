/** The sag domain's given/when/then helper is generic over any Decider; the meeting tests use it as is. */
export { deciderSpecification } from '../../../sag/src/testing/decider-specification';
export type { Then } from '../../../sag/src/testing/decider-specification';
