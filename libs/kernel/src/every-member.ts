/**
 * A list of the members of the string union T that fails to compile unless
 * it names every one of them (and nothing else):
 * `everyMember<SagEventType>()(['SagOprettet', …])`. The missing members
 * show in the error.
 */
export function everyMember<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => list;
}
