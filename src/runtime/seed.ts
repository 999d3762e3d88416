/** A new attempt seed: 31 bits, so it stays short in base 36. */
export function newSeed(): number {
  try {
    return crypto.getRandomValues(new Uint32Array(1))[0]! >>> 1;
  } catch {
    return Math.floor(Math.random() * 0x7fffffff);
  }
}
