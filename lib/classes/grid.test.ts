import { describe, expect, it } from "vitest";
import { buildGrid, cellOf, csvField, type GridSubmission, gridCsv } from "./grid";

const at = (iso: string) => new Date(`2030-01-0${iso}Z`);
const sub = (over: Partial<GridSubmission>): GridSubmission => ({
  id: "s",
  ownerId: "u1",
  exerciseSlug: "ex",
  verdict: "WA",
  score: 0,
  maxScore: 3,
  createdAt: at("1T10:00:00"),
  ...over,
});

describe("dashboard cells", () => {
  it("is empty without submissions, and late only once a due date has passed", () => {
    expect(cellOf([], null, at("9T00:00:00"))).toMatchObject({ best: null, attempts: 0, late: false, latestId: null });
    expect(cellOf([], at("2T00:00:00"), at("1T00:00:00")).late).toBe(false);
    expect(cellOf([], at("2T00:00:00"), at("3T00:00:00")).late).toBe(true);
  });

  it("takes AC over any score, the first accept's time, and counts every attempt", () => {
    const cell = cellOf(
      [
        sub({ id: "a", verdict: "WA", score: 2, createdAt: at("1T10:00:00") }),
        sub({ id: "b", verdict: "AC", score: 3, createdAt: at("1T11:00:00") }),
        sub({ id: "c", verdict: "AC", score: 3, createdAt: at("1T12:00:00") }),
        sub({ id: "d", verdict: "TLE", score: 1, createdAt: at("1T13:00:00") }),
      ],
      at("1T11:30:00"),
      at("5T00:00:00"),
    );
    expect(cell).toMatchObject({ best: "AC", bestScore: 3, attempts: 4, late: false, latestId: "d" });
    expect(cell.firstAcceptedAt?.toISOString()).toBe("2030-01-01T11:00:00.000Z");
  });

  it("without an accept, shows the best-scoring verdict; an accept after the due date is late", () => {
    expect(
      cellOf(
        [sub({ verdict: "WA", score: 2 }), sub({ verdict: "RE", score: 0, createdAt: at("1T12:00:00") })],
        null,
        at("2T00:00:00"),
      ),
    ).toMatchObject({ best: "WA", bestScore: 2, late: false });
    expect(
      cellOf([sub({ verdict: "AC", score: 3, createdAt: at("3T00:00:00") })], at("2T00:00:00"), at("4T00:00:00")).late,
    ).toBe(true);
  });
});

describe("grid and CSV", () => {
  const grid = buildGrid(
    [
      { id: "u1", username: "ada" },
      { id: "u2", username: "=cmd" },
    ],
    [{ id: "a1", exerciseSlug: "ex", title: "Ex", dueAt: null }],
    [sub({ ownerId: "u1", verdict: "AC", score: 3 }), sub({ ownerId: "u3", verdict: "AC" })],
  );

  it("puts each student's submissions in their own row only", () => {
    expect(grid.cells[0]?.[0]?.best).toBe("AC");
    expect(grid.cells[1]?.[0]).toMatchObject({ best: null, attempts: 0 });
  });

  it("writes one row per student and defuses formulas", () => {
    const lines = gridCsv(grid).trimEnd().split("\r\n");
    expect(lines[0]).toBe("student,ex verdict,ex score,ex attempts,ex first accepted (UTC),ex late");
    expect(lines[1]).toBe("ada,AC,3/3,1,2030-01-01T10:00:00.000Z,no");
    expect(lines[2]).toBe("'=cmd,,,0,,no");
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
  });
});
