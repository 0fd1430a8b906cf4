import type { Monaco } from "@monaco-editor/react";
import type { EditorInstance } from "./code-editor";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The next (or previous) focusable element outside `container`, in document order. */
function neighbour(container: HTMLElement, direction: 1 | -1): HTMLElement | undefined {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !container.contains(el) && el.getClientRects().length > 0,
  );
  const after = (el: HTMLElement) => Boolean(container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return direction === 1 ? all.find(after) : all.filter((el) => !after(el)).at(-1);
}

/**
 * Tab indents inside the editor, so keyboard users need a way out: Escape, then Tab (or
 * Shift+Tab) moves focus to the next (previous) control after the editor. Monaco's own Ctrl+M
 * (toggle "Tab moves focus") works as well.
 */
export function leaveWithEscapeThenTab(editor: EditorInstance, monaco: Monaco) {
  let armed = false;
  editor.onKeyDown((e) => {
    if (e.keyCode === monaco.KeyCode.Escape) {
      armed = true;
      return;
    }
    // Shift (for Shift+Tab) and the other modifiers arrive as keys of their own.
    const k = monaco.KeyCode;
    if ([k.Shift, k.Ctrl, k.Alt, k.Meta].includes(e.keyCode)) return;
    const wasArmed = armed;
    armed = false;
    if (!wasArmed || e.keyCode !== monaco.KeyCode.Tab || e.ctrlKey || e.altKey || e.metaKey) return;
    const container = editor.getContainerDomNode();
    const target = neighbour(container, e.shiftKey ? -1 : 1);
    if (!target) return;
    e.preventDefault();
    e.stopPropagation();
    target.focus();
  });
}
