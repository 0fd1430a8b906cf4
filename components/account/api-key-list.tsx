import { revokeApiKeyAction } from "@/app/account/api-key-actions";
import { ActionForm } from "@/components/ui/action-form";
import { BUTTON_DANGER, MUTED } from "@/components/ui/styles";
import { displayKey } from "@/lib/api-keys/token";
import type { ApiKeyInfo } from "@/lib/db/api-keys";

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never");

/** A user's keys: name, first characters, use today against its limits, and Revoke. */
export function ApiKeyList({
  keys,
  defaults,
}: {
  keys: ApiKeyInfo[];
  defaults: { perMinute: number; perDay: number };
}) {
  if (keys.length === 0)
    return (
      <p className={`text-sm ${MUTED}`} data-testid="no-keys">
        You have no API keys.
      </p>
    );
  return (
    <ul className="flex flex-col gap-2" data-testid="api-keys">
      {keys.map((k) => (
        <li
          key={k.id}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm"
          data-testid="api-key-row"
          data-key-name={k.name}
          data-revoked={k.revokedAt ? "true" : "false"}
        >
          <span className="font-medium">{k.name}</span>
          <code className="font-mono">{displayKey(k.prefix)}</code>
          <span className={MUTED}>
            {k.runsToday} of {k.perDay ?? defaults.perDay} runs today · {k.perMinute ?? defaults.perMinute} a minute ·{" "}
            {k.totalRuns} in all · last used {when(k.lastUsedAt)}
          </span>
          {k.revokedAt ? (
            <span className="text-red-800 dark:text-red-300">revoked {when(k.revokedAt)}</span>
          ) : (
            <ActionForm
              action={revokeApiKeyAction.bind(null, k.id)}
              className="flex items-center gap-2"
              label={`Revoke ${k.name}`}
            >
              <button type="submit" className={BUTTON_DANGER} data-testid="key-revoke">
                Revoke
              </button>
            </ActionForm>
          )}
        </li>
      ))}
    </ul>
  );
}
