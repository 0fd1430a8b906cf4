"use server";

import { revalidatePath } from "next/cache";
import { KeyName } from "@/lib/api-keys/key-name";
import { newApiKeyToken } from "@/lib/api-keys/token";
import { createApiKey, MAX_KEYS_PER_USER, revokeApiKey } from "@/lib/db/api-keys";
import { type FormResult, formField } from "@/lib/http/form-result";
import { currentUser } from "@/lib/identity/current";
import { log } from "@/lib/log";

/** What the new-key form shows: the token, once, right after it was made. */
export interface NewKeyState extends FormResult {
  token?: string;
}

/** Make a key for the signed-in user; its token is in the answer and nowhere else, ever. */
export async function createApiKeyAction(_prev: NewKeyState, form: FormData): Promise<NewKeyState> {
  const user = await currentUser();
  if (!user) return { error: "Sign in first." };
  const name = KeyName.safeParse(formField(form, "name"));
  if (!name.success) return { error: name.error.issues[0]?.message ?? "Invalid name." };
  try {
    const { token, hash, prefix } = newApiKeyToken();
    const made = await createApiKey({ userId: user.id, name: name.data, tokenHash: hash, prefix });
    if (made === "too_many")
      return { error: `You already have ${MAX_KEYS_PER_USER} keys: revoke one you no longer use first.` };
    revalidatePath("/account");
    return { ok: `Key “${name.data}” made. Copy it now: it will not be shown again.`, token };
  } catch (err) {
    log.error({ err }, "could not make an API key");
    return { error: "Something went wrong on the server. Try again." };
  }
}

/** Revoke one of the signed-in user's keys (someone else's id is "no such key", as a missing one). */
export async function revokeApiKeyAction(keyId: string, _prev: FormResult, _form: FormData): Promise<FormResult> {
  const user = await currentUser();
  if (!user) return { error: "Sign in first." };
  if (!(await revokeApiKey(String(keyId), user.id)))
    return { error: "You have no such key, or it is revoked already." };
  revalidatePath("/account");
  return { ok: "Revoked: it stops working at once." };
}
