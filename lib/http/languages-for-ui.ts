import { appEngine } from "../app-engine";
import { nativeLanguages } from "./runtimes";

/** What the editor needs from the server: the native language list, limits, and the network switch. */
export function languagesForUi() {
  const engine = appEngine();
  return { ...nativeLanguages(engine), networkAllowed: engine.config.allowNetwork };
}
