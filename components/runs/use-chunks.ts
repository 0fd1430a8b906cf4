"use client";

import { useCallback, useRef, useState } from "react";
import type { AnsiStyle } from "@/lib/ansi";
import type { TextPreview } from "@/lib/views/run-view-model";
import { TextChunk } from "@/lib/views/text-chunk";

export interface LoadedChunk {
  offset: number;
  style: AnsiStyle;
  text: string;
}

export interface LoadedText {
  chunks: LoadedChunk[];
  /** Where the next chunk starts; null when everything is loaded. */
  next: number | null;
  total: number;
  /** UTF-16 code units loaded so far. */
  loaded: number;
  /** Whether the page started with only part of this text (then it offers "Show more" and a download). */
  partial: boolean;
}

const initial = (p: TextPreview): LoadedText => ({
  chunks: p.text ? [{ offset: 0, style: p.style, text: p.text }] : [],
  next: p.next,
  total: p.total,
  loaded: p.text.length,
  partial: p.next !== null,
});

/**
 * The long texts of a stored run as the page grows them: each starts as the first chunk the
 * server rendered, and `more(part)` appends the next from the chunk route (one request at a time).
 */
export function useChunks(endpoint: string, previews: TextPreview[]) {
  const [texts, setTexts] = useState<Record<string, LoadedText>>(() =>
    Object.fromEntries(previews.map((p) => [p.part, initial(p)])),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ part: string; message: string } | null>(null);
  const inFlight = useRef(false);

  const more = useCallback(
    async (part: string) => {
      const current = texts[part];
      if (!current || current.next === null || inFlight.current) return;
      inFlight.current = true;
      setBusy(part);
      setError(null);
      try {
        const res = await fetch(`${endpoint}?part=${encodeURIComponent(part)}&offset=${current.next}`);
        const body: unknown = await res.json().catch(() => null);
        if (!res.ok) {
          const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
          throw new Error(typeof message === "string" ? message : `The server answered ${res.status}.`);
        }
        const parsed = TextChunk.safeParse(body);
        if (!parsed.success) throw new Error("The server sent something unexpected; reload the page.");
        const chunk = parsed.data;
        setTexts((all) => {
          const t = all[part];
          if (!t || t.next !== chunk.offset) return all; // a stale answer
          const chunks = [...t.chunks, { offset: chunk.offset, style: chunk.style, text: chunk.text }];
          return { ...all, [part]: { ...t, chunks, next: chunk.next, loaded: t.loaded + chunk.text.length } };
        });
      } catch (err) {
        setError({ part, message: err instanceof Error ? err.message : "Could not load more." });
      } finally {
        inFlight.current = false;
        setBusy(null);
      }
    },
    [endpoint, texts],
  );

  return { texts, more, busy, error };
}
