"use client";

import { useState } from "react";
import { onTabKeyDown } from "@/components/ui/tab-keys";
import type { Action, PlaygroundState } from "./state";

export interface LimitInfo {
  defaults: Record<string, number>;
  maxima: Record<string, number>;
}

const LIMIT_FIELDS: { key: string; label: string; unit: string; compiledOnly?: boolean }[] = [
  { key: "timeoutMs", label: "Time limit", unit: "ms" },
  { key: "memoryMb", label: "Memory", unit: "MiB" },
  { key: "cpus", label: "CPUs", unit: "" },
  { key: "pids", label: "Processes", unit: "" },
  { key: "outputKb", label: "Output", unit: "KiB" },
  { key: "compileTimeoutMs", label: "Compile time limit", unit: "ms", compiledOnly: true },
  { key: "compileMemoryMb", label: "Compile memory", unit: "MiB", compiledOnly: true },
];

type Tab = "stdin" | "args" | "env" | "limits";

/** Standard input, arguments, environment and limits, one tab each. */
export function InputsPanel(props: {
  state: PlaygroundState;
  dispatch: (a: Action) => void;
  limits: LimitInfo;
  compiled: boolean;
  networkAllowed?: boolean;
  fieldErrors?: Record<string, string>;
}) {
  const { state, dispatch, limits, compiled, networkAllowed, fieldErrors = {} } = props;
  const [tab, setTab] = useState<Tab>("stdin");
  const tabs: { id: Tab; label: string }[] = [
    { id: "stdin", label: "Input" },
    { id: "args", label: "Arguments" },
    { id: "env", label: "Environment" },
    { id: "limits", label: "Limits" },
  ];
  const area =
    "h-full min-h-20 w-full resize-none rounded border border-zinc-300 bg-transparent p-2 font-mono text-sm dark:border-zinc-700";
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div
        role="tablist"
        aria-label="Program inputs"
        className="flex gap-1 border-b border-zinc-200 px-2 dark:border-zinc-800"
      >
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`inputs-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="inputs-panel"
            tabIndex={tab === t.id ? 0 : -1}
            data-testid={`inputs-tab-${t.id}`}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onTabKeyDown(e, i, tabs.length, (to) => setTab(tabs[to]?.id ?? "stdin"))}
            className={`px-2 py-1 text-sm ${tab === t.id ? "border-b-2 border-emerald-700 font-medium" : "text-zinc-600 dark:text-zinc-400"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="inputs-panel" role="tabpanel" aria-labelledby={`inputs-tab-${tab}`} className="min-h-0 flex-1 p-2">
        {tab === "stdin" && (
          <label className="flex h-full flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
            Standard input
            <textarea
              data-testid="stdin"
              className={area}
              value={state.stdin}
              onChange={(e) => dispatch({ type: "stdin", value: e.target.value })}
              spellCheck={false}
            />
          </label>
        )}
        {tab === "args" && (
          <label className="flex h-full flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
            Arguments, one per line
            <textarea
              data-testid="args"
              className={area}
              value={state.args}
              onChange={(e) => dispatch({ type: "args", value: e.target.value })}
              spellCheck={false}
            />
            {fieldErrors.args && <span className="text-red-700 dark:text-red-400">{fieldErrors.args}</span>}
          </label>
        )}
        {tab === "env" && (
          <label className="flex h-full flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
            Environment variables, NAME=value per line
            <textarea
              data-testid="env"
              className={area}
              value={state.env}
              onChange={(e) => dispatch({ type: "env", value: e.target.value })}
              spellCheck={false}
            />
            {Object.entries(fieldErrors)
              .filter(([k]) => k.startsWith("env"))
              .map(([k, m]) => (
                <span key={k} className="text-red-700 dark:text-red-400">
                  {m}
                </span>
              ))}
          </label>
        )}
        {tab === "limits" && (
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {LIMIT_FIELDS.filter((f) => compiled || !f.compiledOnly).map((f) => {
              const max = limits.maxima[f.key];
              const id = `limit-${f.key}`;
              return (
                <label key={f.key} htmlFor={id} className="flex flex-col gap-0.5 text-xs">
                  <span>
                    {f.label} {f.unit && <span className="text-zinc-600 dark:text-zinc-400">({f.unit})</span>}
                  </span>
                  <input
                    id={id}
                    data-testid={id}
                    type="number"
                    min={f.key === "cpus" ? 0.1 : 1}
                    step={f.key === "cpus" ? 0.1 : 1}
                    max={max}
                    placeholder={String(limits.defaults[f.key] ?? "")}
                    value={state.limits[f.key] ?? ""}
                    onChange={(e) =>
                      dispatch({
                        type: "limit",
                        key: f.key,
                        value: e.target.value === "" ? undefined : Number(e.target.value),
                      })
                    }
                    className="rounded border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
                  />
                  <span className="text-zinc-600 dark:text-zinc-400">max {max}</span>
                  {fieldErrors[`limits.${f.key}`] && (
                    <span className="text-red-700 dark:text-red-400">{fieldErrors[`limits.${f.key}`]}</span>
                  )}
                </label>
              );
            })}
            {networkAllowed && (
              <label className="col-span-full flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  data-testid="network"
                  checked={state.network}
                  onChange={(e) => dispatch({ type: "network", value: e.target.checked })}
                />
                Allow network access (the admin enabled it on this server)
              </label>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
