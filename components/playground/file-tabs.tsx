"use client";

import { useState } from "react";
import { onTabKeyDown } from "@/components/ui/tab-keys";
import { fileNameProblem } from "@/lib/file-names";
import type { Action, Workspace } from "./state";

interface Props {
  workspace: Workspace;
  extension: string;
  dispatch: (a: Action) => void;
  /** The id of the tab panel (the editor) the tabs control. */
  panelId: string;
}

/** The id of file tab `index`, for the editor panel's aria-labelledby. */
export const tabId = (index: number) => `file-tab-${index}`;

/** File tabs: select, add, rename, delete, move left/right. The first file is the entry point. */
export function FileTabs({ workspace, extension, dispatch, panelId }: Props) {
  const [editing, setEditing] = useState<{ index: number | "new"; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = workspace.files.map((f) => f.name);

  function commit() {
    if (!editing) return;
    const name = editing.name.trim();
    const problem =
      fileNameProblem(name) ??
      (names.some((n, i) => n === name && i !== editing.index)
        ? `There is already a file named "${name}".`
        : undefined);
    if (problem) {
      setError(problem);
      return;
    }
    if (editing.index === "new") dispatch({ type: "add-file", name });
    else dispatch({ type: "rename-file", index: editing.index, name });
    setEditing(null);
    setError(null);
  }

  const nameInput = (
    <input
      // biome-ignore lint/a11y/noAutofocus: the user just asked to type a file name here
      autoFocus
      data-testid="file-name-input"
      aria-label={editing?.index === "new" ? "New file name" : "File name"}
      className="w-36 rounded border border-zinc-400 bg-transparent px-1 text-sm"
      value={editing?.name ?? ""}
      onChange={(e) => setEditing((s) => (s ? { ...s, name: e.target.value } : s))}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        if (e.key === "Escape") {
          // Handled: the page's Escape (stop a run) leaves it alone.
          e.preventDefault();
          setEditing(null);
          setError(null);
        }
      }}
      onBlur={commit}
    />
  );

  const active = workspace.files[workspace.active];
  const i = workspace.active;
  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-1 px-2 pt-1">
        {/* Only tabs inside the tablist; the actions on the chosen file sit beside it. */}
        <div role="tablist" aria-label="Files" className="flex flex-wrap items-center gap-1">
          {workspace.files.map((file, index) => {
            const selected = index === workspace.active;
            return (
              <button
                key={file.name}
                type="button"
                role="tab"
                id={tabId(index)}
                aria-selected={selected}
                aria-controls={panelId}
                tabIndex={selected ? 0 : -1}
                data-testid="file-tab"
                data-name={file.name}
                // Read as "main.py, entry point", not "main.pyentry".
                aria-label={index === 0 ? `${file.name}, entry point` : undefined}
                onClick={() => dispatch({ type: "select-file", index })}
                onDoubleClick={() => setEditing({ index, name: file.name })}
                onKeyDown={(e) =>
                  onTabKeyDown(e, index, workspace.files.length, (to) => dispatch({ type: "select-file", index: to }))
                }
                className={`rounded-t border-x border-t px-2 py-1 text-sm ${
                  selected ? "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900" : "border-transparent"
                }`}
                title={index === 0 ? "Entry point: this file runs first" : undefined}
              >
                {file.name}
                {/* A real space: the visible text ("main.py entry") stays part of the name. */}
                {index === 0 && " "}
                {index === 0 && (
                  <span className="rounded bg-emerald-100 px-1 text-xs text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
                    entry
                  </span>
                )}
              </button>
            );
          })}
        </div>
        {editing ? (
          nameInput
        ) : (
          <span className="flex items-center">
            {active && (
              <>
                <IconButton
                  label={`Rename ${active.name}`}
                  testId="rename-file"
                  onClick={() => setEditing({ index: i, name: active.name })}
                >
                  ✎
                </IconButton>
                {i > 0 && (
                  <IconButton
                    label={`Move ${active.name} left`}
                    testId="move-left"
                    onClick={() => dispatch({ type: "move-file", from: i, to: i - 1 })}
                  >
                    ←
                  </IconButton>
                )}
                {i < workspace.files.length - 1 && (
                  <IconButton
                    label={`Move ${active.name} right`}
                    testId="move-right"
                    onClick={() => dispatch({ type: "move-file", from: i, to: i + 1 })}
                  >
                    →
                  </IconButton>
                )}
                {workspace.files.length > 1 && (
                  <IconButton
                    label={`Delete ${active.name}`}
                    testId="delete-file"
                    onClick={() => dispatch({ type: "delete-file", index: i })}
                  >
                    ×
                  </IconButton>
                )}
              </>
            )}
            <IconButton
              label="Add a file"
              testId="add-file"
              onClick={() => setEditing({ index: "new", name: nextName(names, extension) })}
            >
              <span aria-hidden>+</span> file
            </IconButton>
          </span>
        )}
      </div>
      {error && (
        <p role="alert" data-testid="file-name-error" className="px-3 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function nextName(names: string[], extension: string): string {
  for (let i = 1; ; i++) {
    const name = `file${i}${extension}`;
    if (!names.includes(name)) return name;
  }
}

function IconButton(props: { label: string; testId: string; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.label}
      data-testid={props.testId}
      onClick={props.onClick}
      className="rounded px-1.5 py-0.5 text-sm text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-700"
    >
      {props.children}
    </button>
  );
}
