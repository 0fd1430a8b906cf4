import { imageManifest } from "../sandbox/images";
import { isCompiled, LANGUAGES } from "../sandbox/languages";
import { limitBounds } from "../sandbox/limits";

/** Languages whose image is built, with the version it reports. */
export function availableLanguages() {
  const manifest = imageManifest();
  return LANGUAGES.flatMap((lang) => {
    const entry = manifest[lang.id];
    return entry ? [{ lang, version: entry.version }] : [];
  });
}

/** Piston's GET /api/v2/runtimes shape. */
export function pistonRuntimes() {
  const runtimeOf: Record<string, string> = { javascript: "node", typescript: "node", c: "gcc", "c++": "gcc" };
  return availableLanguages().map(({ lang, version }) => ({
    language: lang.id,
    version,
    aliases: lang.aliases,
    ...(runtimeOf[lang.id] ? { runtime: runtimeOf[lang.id] } : {}),
  }));
}

/** The native language list, with what an editor needs (defaults, limits). */
export function nativeLanguages() {
  const { defaults, maxima } = limitBounds();
  return {
    languages: availableLanguages().map(({ lang, version }) => ({
      id: lang.id,
      name: lang.name,
      version,
      aliases: lang.aliases,
      extensions: lang.extensions,
      defaultFile: lang.defaultFile,
      monaco: lang.monaco,
      compiled: isCompiled(lang),
    })),
    limits: { defaults, maxima },
  };
}
