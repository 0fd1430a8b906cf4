import { describe, expect, it, vi } from "vitest";
import { MemoryBus } from "../bus/bus";
import type { InteractiveControl } from "./interactive-recorded";
import type { LiveEvent } from "./live-events";
import { followRemoteRun } from "./remote-run";
import { controlChannel } from "./run-channels";
import { MAX_REMOTE_WATCHERS, RunRelay } from "./run-relay";

/** A live run on "instance A": its events so far, a control, and one terminal slot. */
function fakeRun(control?: InteractiveControl) {
  const events: LiveEvent[] = [];
  let attached = false;
  const stop = vi.fn();
  return {
    events,
    stop,
    run: {
      events: () => events,
      stop,
      control: () => control,
      attach: () => {
        if (attached) return false;
        attached = true;
        return true;
      },
      detach: () => {
        attached = false;
      },
    },
  };
}

function fakeControl(): InteractiveControl & { got: string[] } {
  const got: string[] = [];
  return {
    got,
    write: (d) => got.push(`input:${d}`) > 0,
    end: () => void got.push("eof"),
    signal: (s) => got.push(`signal:${s}`) > 0,
    resize: (r, c) => void got.push(`resize:${r}x${c}`),
    inputBytes: 3,
    inputCapBytes: 10,
  };
}

const out = (text: string): LiveEvent => ({ type: "output", stage: "run", stream: "stdout", text });
const until = async (fn: () => boolean) => {
  for (let i = 0; i < 200 && !fn(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe("a live run followed from another instance", () => {
  it("replays what happened, then streams each later event once, until done", async () => {
    const bus = new MemoryBus();
    const a = fakeRun();
    const relay = new RunRelay(bus, "r1", a.run);
    await relay.start();
    const emit = (e: LiveEvent) => {
      a.events.push(e);
      relay.onEvent(e);
    };
    emit(out("before "));
    const got: LiveEvent[] = [];
    const follow = await followRemoteRun(bus, "r1", (e) => got.push(e), { settled: async () => null });
    expect(follow).not.toBe("busy");
    expect(got).toEqual([out("before ")]);
    emit(out("after"));
    emit({ type: "done", result: { status: "success" } as never });
    await until(() => got.length === 3);
    expect(got.map((e) => e.type)).toEqual(["output", "output", "done"]);
    expect(got[1]).toEqual(out("after"));
    relay.close();
  });

  it("stops the run when asked through any instance", async () => {
    const bus = new MemoryBus();
    const a = fakeRun();
    await new RunRelay(bus, "r2", a.run).start();
    await bus.publish(controlChannel("r2"), { t: "stop" });
    await until(() => a.stop.mock.calls.length > 0);
    expect(a.stop).toHaveBeenCalledOnce();
  });

  it("gives the run's input to one terminal only, and takes input from that one alone", async () => {
    const bus = new MemoryBus();
    const control = fakeControl();
    const a = fakeRun(control);
    await new RunRelay(bus, "r3", a.run).start();
    const first = await followRemoteRun(bus, "r3", () => {}, { terminal: true, settled: async () => null });
    if (first === "busy") throw new Error("expected the terminal");
    expect(first.control?.inputCapBytes).toBe(10);
    expect(await followRemoteRun(bus, "r3", () => {}, { terminal: true, settled: async () => null })).toBe("busy");
    first.control?.write("ab");
    first.control?.signal("SIGINT");
    first.control?.resize(30, 100);
    // Past the cap (3 + 2 so far, 10 at most): refused here without a round trip.
    expect(first.control?.write("123456")).toBe(false);
    // A forged input from a watcher that does not hold the terminal is ignored.
    await bus.publish(controlChannel("r3"), { t: "input", w: "someone-else", data: "x" });
    first.control?.end();
    await until(() => control.got.length === 4);
    expect(control.got).toEqual(["input:ab", "signal:SIGINT", "resize:30x100", "eof"]);
    // Once that terminal leaves, another may take the run.
    first.unsubscribe();
    await new Promise((r) => setTimeout(r, 20));
    expect(await followRemoteRun(bus, "r3", () => {}, { terminal: true, settled: async () => null })).not.toBe("busy");
  });

  it("ends with the stored outcome when the instance running it never answers", async () => {
    const bus = new MemoryBus();
    const got: LiveEvent[] = [];
    let asked = 0;
    const settled = async (): Promise<LiveEvent | null> =>
      ++asked < 3 ? null : { type: "error", message: "The server stopped while this run was in progress." };
    await followRemoteRun(bus, "gone", (e) => got.push(e), { settled, replayTimeoutMs: 20, pollMs: 20 });
    await until(() => got.length > 0);
    expect(got).toEqual([{ type: "error", message: "The server stopped while this run was in progress." }]);
    expect(asked).toBeGreaterThanOrEqual(3);
  });

  it("serves a bounded number of followers elsewhere; the rest wait for the stored outcome", async () => {
    const bus = new MemoryBus();
    const a = fakeRun();
    a.events.push(out("x".repeat(1000)));
    await new RunRelay(bus, "r4", a.run).start();
    const replays: number[] = [];
    bus.subscribe("run:r4", (m) => {
      if ((m as { t: string }).t === "replay") replays.push(1);
    });
    for (let i = 0; i < MAX_REMOTE_WATCHERS; i++)
      await followRemoteRun(bus, "r4", () => {}, { settled: async () => null, pollMs: 60_000 });
    const got: LiveEvent[] = [];
    const final: LiveEvent = { type: "error", message: "stored" };
    await followRemoteRun(bus, "r4", (e) => got.push(e), { settled: async () => final, replayTimeoutMs: 20 });
    await until(() => got.length > 0);
    expect(replays).toHaveLength(MAX_REMOTE_WATCHERS);
    expect(got).toEqual([final]);
  });
});
