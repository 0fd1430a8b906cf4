import type { Monaco } from "@monaco-editor/react";

/**
 * Monaco's own themes with the token colours that fall below a 4.5:1 contrast on their
 * background raised to pass (measured against #FFFFFE and #1E1E1E); everything else inherits.
 */
export const EDITOR_THEMES = { light: "runbox-light", dark: "runbox-dark" } as const;

export function defineEditorThemes(monaco: Monaco) {
  monaco.editor.defineTheme(EDITOR_THEMES.light, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "annotation", foreground: "707070" }, // 808080: 3.95:1
      { token: "metatag.html", foreground: "707070" },
      { token: "metatag.xml", foreground: "707070" },
      { token: "metatag.content.html", foreground: "D00000" }, // FF0000: 4.0:1
      { token: "attribute.name", foreground: "D00000" },
      { token: "string.sql", foreground: "D00000" },
      { token: "operator.sql", foreground: "5F6E7C" }, // 778899: 3.64:1
    ],
    colors: {},
  });
  monaco.editor.defineTheme(EDITOR_THEMES.dark, {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "comment", foreground: "6A9955" }, // 608B4E: 4.21:1
      { token: "variable.predefined", foreground: "6E9DDB" }, // 4864AA: 2.92:1
      { token: "regexp", foreground: "D16969" }, // B46695: 4.19:1
      { token: "annotation", foreground: "DC7A7A" }, // CC6666: 4.49:1
      { token: "delimiter.html", foreground: "9A9A9A" }, // 808080: 4.22:1
      { token: "delimiter.xml", foreground: "9A9A9A" },
      { token: "tag.id.pug", foreground: "7A9FD6" },
      { token: "tag.class.pug", foreground: "7A9FD6" },
      { token: "string.sql", foreground: "FF6B6B" },
    ],
    // 858585 passes by a hair (4.52:1); line numbers are read often.
    colors: { "editorLineNumber.foreground": "#999999" },
  });
}
