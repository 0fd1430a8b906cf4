import { describe, expect, expectTypeOf, it } from "vitest";
import * as Pg from "./generated/postgres/client";
import * as Sqlite from "./generated/sqlite/client";

// lib/db/client.ts hands out PostgreSQL's client under SQLite's client type. That holds while the
// two are generated from the same models: checked here at run time (the generated field lists)
// and at compile time (tsc checks the expectTypeOf lines; npm test runs tsc).

describe("the two generated Prisma clients", () => {
  it("have the same models and fields, in the same order", () => {
    expect(Object.keys(Pg.Prisma.ModelName)).toEqual(Object.keys(Sqlite.Prisma.ModelName));
    for (const name of ["Run", "Share", "Exercise", "Submission"] as const) {
      const fields = `${name}ScalarFieldEnum` as const;
      expect(Object.keys(Pg.Prisma[fields]), name).toEqual(Object.keys(Sqlite.Prisma[fields]));
    }
  });

  it("return the same row types, and take every query the SQLite client takes", () => {
    expectTypeOf<Pg.Run>().toEqualTypeOf<Sqlite.Run>();
    expectTypeOf<Pg.Share>().toEqualTypeOf<Sqlite.Share>();
    expectTypeOf<Pg.Exercise>().toEqualTypeOf<Sqlite.Exercise>();
    expectTypeOf<Pg.Submission>().toEqualTypeOf<Sqlite.Submission>();
    expectTypeOf<Sqlite.Prisma.RunFindManyArgs>().toExtend<Pg.Prisma.RunFindManyArgs>();
    expectTypeOf<Sqlite.Prisma.RunUpdateArgs>().toExtend<Pg.Prisma.RunUpdateArgs>();
    expectTypeOf<Sqlite.Prisma.RunGroupByArgs>().toExtend<Pg.Prisma.RunGroupByArgs>();
    expectTypeOf<Sqlite.Prisma.SubmissionGroupByArgs>().toExtend<Pg.Prisma.SubmissionGroupByArgs>();
    expectTypeOf<Sqlite.Prisma.ShareFindManyArgs>().toExtend<Pg.Prisma.ShareFindManyArgs>();
    expectTypeOf<Sqlite.Prisma.ExerciseUpsertArgs>().toExtend<Pg.Prisma.ExerciseUpsertArgs>();
  });
});
