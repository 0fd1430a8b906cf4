import { env } from "../env";
import { nativeLanguages } from "./runtimes";

/** What the editor needs from the server: the native language list, limits, and the network switch. */
export function languagesForUi() {
  return { ...nativeLanguages(), networkAllowed: env().RUNBOX_ALLOW_NETWORK };
}
