/**
 * Parts of a source document, as the build and the learner's browser both compare them: an
 * assessment draw on Article 14 takes the questions that cite "14(1)" and "14(2)" too.
 */

/** Whether part `id` is `container` or inside it: "14(1)" is in "14", "2.3" in "2" (ids may be prefixed, as in "UDHR#14"). */
export function isWithinUnit(id: string, container: string): boolean {
  return id === container || id.startsWith(`${container}(`) || id.startsWith(`${container}.`);
}
