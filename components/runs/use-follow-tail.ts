"use client";

import { type RefObject, useLayoutEffect, useRef } from "react";

/** How close to the end (px) still counts as "at the newest line". */
const SLACK = 24;

/**
 * Keep a scrolling box at its newest line while its content grows, unless the person scrolled
 * up to read; scrolling back to the end follows again. Decided from where the box is scrolled
 * when new content arrives (was it at the end of what was there before?), not from scroll
 * events, which arrive later than a fast stream of output. `content` changes whenever it grows;
 * a new `reset` (a new run) starts at the top and follows again.
 */
export function useFollowTail(ref: RefObject<HTMLElement | null>, content: unknown, reset: unknown) {
  const lastReset = useRef(reset);
  const lastHeight = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `content` is the trigger (it grew), not read
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fresh = lastReset.current !== reset;
    lastReset.current = reset;
    const atEnd = el.scrollTop + el.clientHeight >= lastHeight.current - SLACK;
    if (fresh || atEnd) el.scrollTop = el.scrollHeight;
    lastHeight.current = el.scrollHeight;
  }, [ref, content, reset]);
}
