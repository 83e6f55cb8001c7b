/**
 * Stable insertion sort of the first `length` indices by descending `score[index]`, in place: the engine sorts a
 * handful of partners or items per line, where this beats Array.prototype.sort and its comparator closure.
 * Equal scores keep their order.
 */
export function sortIndicesByScoreDesc(indices: number[], length: number, score: ArrayLike<number>): void {
  for (let i = 1; i < length; i++) {
    const k = indices[i] as number;
    const s = score[k] as number;
    let j = i - 1;
    while (j >= 0 && (score[indices[j] as number] as number) < s) {
      indices[j + 1] = indices[j] as number;
      j--;
    }
    indices[j + 1] = k;
  }
}
