import { env } from "../env";
import { limitBounds } from "../sandbox/limits";
import { availableLanguages } from "./runtimes";

/** What the editor needs about each language and the limits, from the server. */
export function languagesForUi() {
  const { defaults, maxima } = limitBounds();
  const languages = availableLanguages().map(({ lang, version }) => ({
    id: lang.id,
    name: lang.name,
    version,
    defaultFile: lang.defaultFile,
    extensions: lang.extensions,
    monaco: lang.monaco,
    compiled: Boolean(lang.plan([{ name: lang.defaultFile, content: Buffer.alloc(0) }], []).compile),
  }));
  return {
    languages,
    limits: { defaults: { ...defaults }, maxima: { ...maxima } },
    networkAllowed: env().RUNBOX_ALLOW_NETWORK,
  };
}
