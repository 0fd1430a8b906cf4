import { adminRevokeKeyAction, setKeyLimitsAction } from "@/app/admin/key-actions";
import { ActionForm } from "@/components/ui/action-form";
import { BUTTON, BUTTON_DANGER, INPUT, MUTED } from "@/components/ui/styles";
import { displayKey } from "@/lib/api-keys/token";
import type { ApiKeyInfo } from "@/lib/db/api-keys";

type Key = ApiKeyInfo & { username: string };

const CELL = "border-b border-zinc-200 px-2 py-1 text-left align-top dark:border-zinc-800";
const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "never");

/** Every API key: whose, its use, its limits (editable) and Revoke. */
export function ApiKeysAdmin({ keys, defaults }: { keys: Key[]; defaults: { perMinute: number; perDay: number } }) {
  if (keys.length === 0)
    return (
      <p className={`text-sm ${MUTED}`} data-testid="admin-no-keys">
        Nobody has an API key.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="admin-keys">
        <thead>
          <tr>
            {["User", "Key", "Today", "In all", "Last used (UTC)", "Limits: per minute, per day", ""].map((h) => (
              <th key={h} scope="col" className={`${CELL} font-semibold`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} data-testid="admin-key-row" data-key-name={k.name} data-username={k.username}>
              <td className={CELL}>{k.username}</td>
              <td className={CELL}>
                {k.name} <code className="font-mono">{displayKey(k.prefix)}</code>
              </td>
              <td className={CELL}>{k.runsToday}</td>
              <td className={CELL}>{k.totalRuns}</td>
              <td className={CELL}>{when(k.lastUsedAt)}</td>
              <td className={CELL}>
                <ActionForm
                  action={setKeyLimitsAction.bind(null, k.id)}
                  className="flex flex-wrap items-center gap-1"
                  label={`Limits of ${k.name} (${k.username})`}
                >
                  <label className="sr-only" htmlFor={`pm-${k.id}`}>
                    Runs per minute for {k.name}
                  </label>
                  <input
                    id={`pm-${k.id}`}
                    name="perMinute"
                    inputMode="numeric"
                    defaultValue={k.perMinute ?? ""}
                    placeholder={String(defaults.perMinute)}
                    className={`${INPUT} w-20`}
                    data-testid="key-per-minute"
                  />
                  <label className="sr-only" htmlFor={`pd-${k.id}`}>
                    Runs per day for {k.name}
                  </label>
                  <input
                    id={`pd-${k.id}`}
                    name="perDay"
                    inputMode="numeric"
                    defaultValue={k.perDay ?? ""}
                    placeholder={String(defaults.perDay)}
                    className={`${INPUT} w-24`}
                    data-testid="key-per-day"
                  />
                  <button type="submit" className={BUTTON} data-testid="key-limits-save">
                    Save
                  </button>
                </ActionForm>
              </td>
              <td className={CELL}>
                {k.revokedAt ? (
                  <span className="text-red-800 dark:text-red-300">revoked {when(k.revokedAt)}</span>
                ) : (
                  <ActionForm action={adminRevokeKeyAction.bind(null, k.id)} label={`Revoke ${k.name} (${k.username})`}>
                    <button type="submit" className={BUTTON_DANGER} data-testid="admin-key-revoke">
                      Revoke
                    </button>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
