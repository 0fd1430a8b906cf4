import type { Engine } from "../sandbox";
import { JOBE_LANGUAGES } from "./languages";

/** GET languages: [[language_id, version], …] for the shared languages whose image is built. */
export function jobeLanguages(engine: Engine): [string, string][] {
  const images = engine.images();
  return JOBE_LANGUAGES.flatMap((l) => {
    const version = images[l.runbox]?.version;
    return version ? [[l.id, version] as [string, string]] : [];
  });
}
