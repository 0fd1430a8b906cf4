import type { NativeLanguages } from "../api-schemas/languages";
import type { PistonRuntimes } from "../api-schemas/piston";
import type { Engine } from "../sandbox";
import { isCompiled } from "../sandbox/languages";

/** Languages whose image is built, with the version it reports. */
export function availableLanguages(engine: Engine) {
  const manifest = engine.images();
  return engine.languages().flatMap((lang) => {
    const entry = manifest[lang.id];
    return entry ? [{ lang, version: entry.version }] : [];
  });
}

/** Piston's GET /api/v2/runtimes shape. */
export function pistonRuntimes(engine: Engine): PistonRuntimes {
  const runtimeOf: Record<string, string> = { javascript: "node", typescript: "node", c: "gcc", "c++": "gcc" };
  return availableLanguages(engine).map(({ lang, version }) => ({
    language: lang.id,
    version,
    aliases: lang.aliases,
    ...(runtimeOf[lang.id] ? { runtime: runtimeOf[lang.id] } : {}),
  }));
}

/** The native language list, with what an editor needs (defaults, limits). */
export function nativeLanguages(engine: Engine): NativeLanguages {
  const { defaults, maxima } = engine.config.bounds;
  return {
    languages: availableLanguages(engine).map(({ lang, version }) => ({
      id: lang.id,
      name: lang.name,
      version,
      aliases: lang.aliases,
      extensions: lang.extensions,
      defaultFile: lang.defaultFile,
      monaco: lang.monaco,
      compiled: isCompiled(lang),
      libraries: lang.libraries ?? [],
    })),
    limits: { defaults, maxima },
  };
}
