/**
 * Dense integer ids for strings (specs, skills, organisations, provinces): the engine compares
 * small integers in typed arrays, not strings.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  /** The strings in id order. */
  readonly names: string[] = [];

  id(name: string): number {
    let k = this.ids.get(name);
    if (k === undefined) {
      k = this.names.length;
      this.ids.set(name, k);
      this.names.push(name);
    }
    return k;
  }

  get size(): number {
    return this.names.length;
  }
}
