/**
 * Paces typed input on one connection: at most `bytesPerSec` bytes and `messagesPerSec` messages
 * a second, with bursts of `burstSec` seconds' worth. Over the rate, input is not dropped: the
 * caller stops reading the socket for the returned delay, so TCP slows the sender down (a piped
 * file still arrives whole, only no faster than the rate).
 */
export class InputPacer {
  private bytes: number;
  private messages: number;
  private at: number;

  constructor(
    readonly bytesPerSec: number,
    readonly messagesPerSec: number,
    readonly burstSec = 4,
    private readonly now: () => number = Date.now,
  ) {
    this.bytes = bytesPerSec * burstSec;
    this.messages = messagesPerSec * burstSec;
    this.at = now();
  }

  /** Count one message of `size` bytes; the milliseconds to wait before reading the next (0: none). */
  take(size: number): number {
    const t = this.now();
    const dt = (t - this.at) / 1000;
    this.at = t;
    this.bytes = Math.min(this.bytesPerSec * this.burstSec, this.bytes + dt * this.bytesPerSec) - size;
    this.messages = Math.min(this.messagesPerSec * this.burstSec, this.messages + dt * this.messagesPerSec) - 1;
    const owed = Math.max(-this.bytes / this.bytesPerSec, -this.messages / this.messagesPerSec, 0);
    return Math.ceil(owed * 1000);
  }
}
