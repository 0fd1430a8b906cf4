"use client";

import "@xterm/xterm/css/xterm.css";
import type { FitAddon } from "@xterm/addon-fit";
import type { Terminal } from "@xterm/xterm";
import { useEffect, useRef } from "react";

/** What the runner does with the terminal. */
export interface TerminalHandle {
  write(text: string): void;
  /** Clear everything (a new run). */
  reset(): void;
  focus(): void;
  /** Whether the keyboard is in the terminal now. */
  hasFocus(): boolean;
  size(): { rows: number; cols: number };
  /** Whether typing does anything (only while a run takes input). */
  setInput(enabled: boolean): void;
}

interface Props {
  onReady: (handle: TerminalHandle | null) => void;
  /** Keystrokes as the terminal encodes them ("\r" for Enter, "\x03" for Ctrl-C, "\x04" for Ctrl-D). */
  onData: (data: string) => void;
  onResize: (size: { rows: number; cols: number }) => void;
}

/** A dark terminal in both themes, like most editors' terminals; ANSI colours as xterm's defaults. */
const THEME = { background: "#18181b", foreground: "#e4e4e7", cursor: "#e4e4e7", selectionBackground: "#52525b" };

/**
 * The playground's output pane: an xterm.js terminal (bundled with the app, never from a CDN).
 * Output is written as the program prints it; keystrokes go to the program while a run takes
 * input. Ctrl/⌘+Enter still runs, and Ctrl-C with text selected copies instead of interrupting.
 */
export function TerminalPane({ onReady, onData, onResize }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onReady, onData, onResize });
  callbacks.current = { onReady, onData, onResize };

  useEffect(() => {
    let disposed = false;
    let term: Terminal | undefined;
    let fit: FitAddon | undefined;
    let observer: ResizeObserver | undefined;
    // xterm touches the DOM when loaded: import it in the browser only.
    void Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]).then(([x, f]) => {
      const el = box.current;
      if (disposed || !el) return;
      const t = new x.Terminal({
        convertEol: true,
        cursorBlink: true,
        disableStdin: true,
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
        fontSize: 13,
        scrollback: 5000,
        theme: THEME,
      });
      const fitter = new f.FitAddon();
      t.loadAddon(fitter);
      t.open(el);
      t.textarea?.setAttribute("aria-label", "Terminal: type here while your program runs");
      // Tab belongs to the program while it reads; "Esc then Tab" (as in the editor) leaves the
      // terminal, and so does Tab whenever no program takes input: the keyboard is never trapped.
      let escaped = false;
      t.attachCustomKeyEventHandler((e) => {
        if (e.type === "keydown" && e.key === "Tab") {
          const leave = escaped || t.options.disableStdin;
          escaped = false;
          if (leave) return false;
        } else if (e.type === "keydown" && !["Shift", "Control", "Alt", "Meta"].includes(e.key))
          escaped = e.key === "Escape";
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) return false; // the page's Run shortcut
        if (e.type === "keydown" && e.ctrlKey && e.key === "c" && t.hasSelection()) return false; // copy
        return true;
      });
      t.onData((d) => callbacks.current.onData(d));
      t.onResize(({ rows, cols }) => callbacks.current.onResize({ rows, cols }));
      const refit = () => {
        if (el.clientWidth > 0 && el.clientHeight > 0) fitter.fit();
      };
      refit();
      observer = new ResizeObserver(refit);
      observer.observe(el);
      term = t;
      fit = fitter;
      callbacks.current.onReady({
        write: (text) => t.write(text),
        reset: () => t.reset(),
        focus: () => t.focus(),
        hasFocus: () => el.contains(document.activeElement),
        size: () => ({ rows: t.rows, cols: t.cols }),
        setInput: (enabled) => {
          t.options.disableStdin = !enabled;
          t.options.cursorBlink = enabled;
        },
      });
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      callbacks.current.onReady(null);
      fit?.dispose();
      term?.dispose();
    };
  }, []);

  return <div ref={box} data-testid="terminal" className="absolute inset-0 overflow-hidden bg-zinc-900 p-2" />;
}
