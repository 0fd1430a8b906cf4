/** Longest file name (bytes of UTF-8) a request may use. */
export const MAX_FILE_NAME_BYTES = 255;

/**
 * Why a file name is unacceptable, or undefined when it is fine. Shared by the API validator
 * and the editor, so both say the same thing.
 */
export function fileNameProblem(name: string): string | undefined {
  if (name.length === 0) return "A file name cannot be empty.";
  if (new TextEncoder().encode(name).length > MAX_FILE_NAME_BYTES)
    return `File names may be at most ${MAX_FILE_NAME_BYTES} bytes long.`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return "File names cannot contain NUL or other control characters.";
  // Invisible and direction-changing characters make "\u202egnp.exe" read as "exe.png" on a page.
  if (
    /[\u0080-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/.test(name)
  )
    return "File names cannot contain invisible or text-direction characters.";
  if (name.startsWith("/")) return "File names must be relative (no leading '/').";
  // Compilers and interpreters read "-x" as an option and "@file" as a file of options.
  if (name.startsWith("-") || name.startsWith("@"))
    return "File names cannot start with '-' or '@' (compilers would read them as options).";
  if (name.includes("\\")) return "Use '/' to separate folders in file names.";
  const parts = name.split("/");
  if (parts.some((p) => p === ".." || p === "." || p === ""))
    return "File names cannot contain '..', '.' or empty path segments.";
  if (parts.length > 4) return "Files may be nested at most 4 folders deep.";
  return undefined;
}
