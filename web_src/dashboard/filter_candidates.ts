// Edit before approve: the picker's search over the alternatives. No OWL, no DOM.

/** Alternatives whose label holds every word of the query (case- and accent-insensitive). */
export function filterCandidates<T extends { label: string }>(choices: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...choices];
  return choices.filter((choice) => {
    const label = fold(choice.label);
    return words.every((word) => label.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
