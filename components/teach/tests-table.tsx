"use client";

import { BUTTON, INPUT } from "@/components/ui/styles";

export interface TestRow {
  stdin: string;
  expected: string;
  hidden: boolean;
  points: number;
}

const MAX_TESTS = 200;

/** The tests as a table: input, expected output, hidden, points; add and remove rows. */
export function TestsTable({ tests, onChange }: { tests: TestRow[]; onChange: (tests: TestRow[]) => void }) {
  const set = (i: number, patch: Partial<TestRow>) => onChange(tests.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const area = `${INPUT} h-20 w-full font-mono text-sm`;
  return (
    <div className="flex flex-col gap-2">
      <table className="w-full border-collapse text-sm" data-testid="tests-table">
        <thead>
          <tr className="text-left">
            <th scope="col" className="w-8 p-1">
              #
            </th>
            <th scope="col" className="p-1">
              Input (stdin)
            </th>
            <th scope="col" className="p-1">
              Expected output
            </th>
            <th scope="col" className="w-20 p-1">
              Hidden
            </th>
            <th scope="col" className="w-20 p-1">
              Points
            </th>
            <th scope="col" className="w-20 p-1">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tests.map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <tr key={i} data-testid="test-row" className="align-top">
              <td className="p-1">{i + 1}</td>
              <td className="p-1">
                <textarea
                  aria-label={`Input of test ${i + 1}`}
                  value={t.stdin}
                  onChange={(e) => set(i, { stdin: e.target.value })}
                  className={area}
                  data-testid="test-stdin"
                />
              </td>
              <td className="p-1">
                <textarea
                  aria-label={`Expected output of test ${i + 1}`}
                  value={t.expected}
                  onChange={(e) => set(i, { expected: e.target.value })}
                  className={area}
                  data-testid="test-expected"
                />
              </td>
              <td className="p-1">
                <input
                  type="checkbox"
                  aria-label={`Test ${i + 1} is hidden`}
                  checked={t.hidden}
                  onChange={(e) => set(i, { hidden: e.target.checked })}
                  className="size-5"
                  data-testid="test-hidden"
                />
              </td>
              <td className="p-1">
                <input
                  type="number"
                  min={0}
                  max={1000}
                  aria-label={`Points of test ${i + 1}`}
                  value={t.points}
                  onChange={(e) => set(i, { points: Math.max(0, Math.min(1000, Number(e.target.value) || 0)) })}
                  className={`${INPUT} w-16`}
                  data-testid="test-points"
                />
              </td>
              <td className="p-1">
                <button
                  type="button"
                  onClick={() => onChange(tests.filter((_, j) => j !== i))}
                  disabled={tests.length <= 1}
                  className="text-sm text-red-800 underline disabled:opacity-50 dark:text-red-300"
                  aria-label={`Remove test ${i + 1}`}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className={`${BUTTON} self-start`}
        disabled={tests.length >= MAX_TESTS}
        onClick={() => onChange([...tests, { stdin: "", expected: "", hidden: true, points: 1 }])}
        data-testid="add-test"
      >
        Add a test
      </button>
    </div>
  );
}
