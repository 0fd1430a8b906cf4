/** Expected and actual output side by side, differing lines marked (text only). */
export function OutputDiff({ expected, actual }: { expected: string; actual: string }) {
  const e = expected.replace(/\n$/, "").split("\n");
  const a = actual.replace(/\n$/, "").split("\n");
  const rows = Math.max(e.length, a.length);
  const shown = Math.min(rows, 200);
  return (
    <table data-testid="output-diff" className="w-full table-fixed border-collapse font-mono text-xs">
      <thead>
        <tr className="text-left text-zinc-600 dark:text-zinc-400">
          <th className="w-8" scope="col">
            #
          </th>
          <th scope="col">Expected</th>
          <th scope="col">Your output</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: shown }, (_, line) => line).map((i) => {
          const same = (e[i] ?? "").trimEnd() === (a[i] ?? "").trimEnd() && i < e.length && i < a.length;
          return (
            <tr key={`line-${i + 1}`} className={same ? "" : "bg-red-50 dark:bg-red-950"} data-differs={!same}>
              <td className="text-zinc-600 dark:text-zinc-400">{i + 1}</td>
              <td className="whitespace-pre-wrap break-all">
                {e[i] ?? <em className="text-zinc-600 dark:text-zinc-400">(no line)</em>}
              </td>
              <td className="whitespace-pre-wrap break-all">
                {a[i] ?? <em className="text-zinc-600 dark:text-zinc-400">(no line)</em>}
              </td>
            </tr>
          );
        })}
      </tbody>
      {rows > shown && (
        <tfoot>
          <tr>
            <td colSpan={3}>… {rows - shown} more lines</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
