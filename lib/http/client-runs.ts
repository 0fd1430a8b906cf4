/**
 * Programs each client has running right now, so that one client cannot hold every slot:
 * an API run counts while its request is answered, a UI run until its execution ends.
 * A client is a key: `ip:…` for an address, `owner:…` for a browser.
 */
export class RunCounter {
  private readonly active = new Map<string, number>();

  constructor(readonly cap: number) {}

  /** Count one run against every key, or against none when a key is at the cap (that key is named). */
  admit(keys: string[]): { release: () => void } | { full: string } {
    const full = keys.find((k) => (this.active.get(k) ?? 0) >= this.cap);
    if (full !== undefined) return { full };
    for (const k of keys) this.active.set(k, (this.active.get(k) ?? 0) + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        for (const k of keys) {
          const n = (this.active.get(k) ?? 1) - 1;
          if (n > 0) this.active.set(k, n);
          else this.active.delete(k);
        }
      },
    };
  }

  running(key: string): number {
    return this.active.get(key) ?? 0;
  }
}
