"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeApiKey, setApiKeyLimits } from "@/lib/db/api-keys";
import { type FormResult, formField } from "@/lib/http/form-result";
import { currentAdmin } from "./require-admin";

/** A limit typed in a form: empty = the server's default, else a whole number from 1 to 1,000,000. */
const LimitField = z
  .string()
  .trim()
  .refine((s) => s === "" || (/^\d{1,7}$/.test(s) && Number(s) >= 1 && Number(s) <= 1_000_000), {
    message: "A limit is a whole number from 1 to 1000000, or empty for the server's default.",
  })
  .transform((s) => (s === "" ? null : Number(s)));

/** Admins: a key's runs per minute and per day (empty: the server's defaults). */
export async function setKeyLimitsAction(keyId: string, _prev: FormResult, form: FormData): Promise<FormResult> {
  if (!(await currentAdmin())) return { error: "Only admins change a key's limits." };
  const perMinute = LimitField.safeParse(formField(form, "perMinute"));
  const perDay = LimitField.safeParse(formField(form, "perDay"));
  if (!perMinute.success || !perDay.success)
    return { error: (perMinute.error ?? perDay.error)?.issues[0]?.message ?? "Invalid limit." };
  if (!(await setApiKeyLimits(String(keyId), { perMinute: perMinute.data, perDay: perDay.data })))
    return { error: "There is no such key." };
  revalidatePath("/admin");
  return { ok: "Limits saved." };
}

/** Admins: revoke anyone's key. */
export async function adminRevokeKeyAction(keyId: string, _prev: FormResult, _form: FormData): Promise<FormResult> {
  if (!(await currentAdmin())) return { error: "Only admins revoke other people's keys." };
  if (!(await revokeApiKey(String(keyId)))) return { error: "There is no such key, or it is revoked already." };
  revalidatePath("/admin");
  return { ok: "Revoked." };
}
