import { type AnsiStyle, isPlain, parseAnsi } from "@/lib/ansi";

// The 16 basic colours, readable on both themes.
const COLORS = [
  "#6b7280",
  "#dc2626",
  "#16a34a",
  "#ca8a04",
  "#2563eb",
  "#c026d3",
  "#0891b2",
  "#d4d4d8",
  "#9ca3af",
  "#f87171",
  "#4ade80",
  "#facc15",
  "#60a5fa",
  "#e879f9",
  "#22d3ee",
  "#ffffff",
];

function css(style: AnsiStyle): React.CSSProperties | undefined {
  if (isPlain(style)) return undefined;
  return {
    color: style.fg === undefined ? undefined : COLORS[style.fg],
    backgroundColor: style.bg === undefined ? undefined : COLORS[style.bg],
    fontWeight: style.bold ? 700 : undefined,
    fontStyle: style.italic ? "italic" : undefined,
    textDecoration: style.underline ? "underline" : undefined,
    opacity: style.dim ? 0.7 : undefined,
  };
}

/**
 * Styled spans per call: past this many, the rest of the text is one plain text node, so a
 * chunk of output that changes colour every character costs a bounded number of nodes.
 */
export const MAX_STYLED_SPANS = 1000;

/**
 * Program output with ANSI colours, always as React text nodes: HTML in output stays text.
 * `style` is the style in effect where `text` starts (a later chunk of a longer output).
 */
export function AnsiText({ text, style }: { text: string; style?: AnsiStyle }) {
  return (
    <>
      {parseAnsi(text, { style, maxStyled: MAX_STYLED_SPANS }).map((seg) => {
        const look = css(seg.style);
        return look ? (
          <span key={seg.at} style={look}>
            {seg.text}
          </span>
        ) : (
          seg.text
        );
      })}
    </>
  );
}
