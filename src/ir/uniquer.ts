// Uniquer: the interning contract shared by every immutable IR object.

/**
 * Interns immutable objects by a structural key. `make` runs only when the
 * key is new; the same key always yields the same (`===`) object. O(1) average.
 */
export interface Uniquer {
  intern<T extends object>(key: string, make: () => T): T;
}
