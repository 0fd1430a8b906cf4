import type { StreamName } from "./types";

/**
 * Collects one stage's stdout and stderr as text while they stream: caps bytes per stream
 * (the rest is dropped and flagged), and decodes UTF-8 across chunk boundaries so a
 * character split between two reads survives and invalid bytes become U+FFFD.
 */
export class StageOutput {
  stdout = "";
  stderr = "";
  /** Both streams interleaved in arrival order. */
  output = "";
  truncated = false;
  private readonly bytes = { stdout: 0, stderr: 0 };
  private readonly decoders = { stdout: new TextDecoder("utf-8"), stderr: new TextDecoder("utf-8") };

  constructor(private readonly capBytes: number) {}

  /** Adds a chunk; returns the text it contributed (possibly empty). */
  push(stream: StreamName, chunk: Uint8Array): string {
    const room = this.capBytes - this.bytes[stream];
    if (room <= 0) {
      if (chunk.length > 0) this.truncated = true;
      return "";
    }
    let slice = chunk;
    if (chunk.length > room) {
      slice = chunk.subarray(0, room);
      this.truncated = true;
    }
    this.bytes[stream] += slice.length;
    return this.append(stream, this.decoders[stream].decode(slice, { stream: true }));
  }

  /** Flushes a dangling partial character as U+FFFD. */
  finish(): void {
    for (const stream of ["stdout", "stderr"] as const) this.append(stream, this.decoders[stream].decode());
  }

  private append(stream: StreamName, text: string): string {
    if (text) {
      this[stream] += text;
      this.output += text;
    }
    return text;
  }
}
