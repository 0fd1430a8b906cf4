-- PostgreSQL starts at SQLite's migration 0005 (prisma/migrations/0001…0005): this one creates
-- the same schema (prisma/postgres/schema.prisma) in one step. Later migrations take the next
-- number in both folders, so the two histories line up by name.
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'api',
    "language" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "files" TEXT NOT NULL,
    "stdin" TEXT NOT NULL DEFAULT '',
    "args" TEXT NOT NULL DEFAULT '[]',
    "env" TEXT NOT NULL DEFAULT '{}',
    "limits" TEXT NOT NULL,
    "network" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "compile" TEXT,
    "run" TEXT,
    "message" TEXT,
    "debug" TEXT,
    "wallTimeMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "apiRun" BOOLEAN NOT NULL DEFAULT false,
    "sizeBytes" INTEGER NOT NULL DEFAULT 0,
    "searchCode" TEXT,
    "searchOutput" TEXT,
    "input" BYTEA,
    "result" BYTEA,

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Share" (
    "slug" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "data" BYTEA,

    CONSTRAINT "Share_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Exercise" (
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "difficulty" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "languages" TEXT,
    "starter" TEXT NOT NULL DEFAULT '{}',
    "limits" TEXT NOT NULL,
    "checker" TEXT NOT NULL,
    "tests" TEXT NOT NULL,
    "order" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL DEFAULT 'repo',
    "hash" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Exercise_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "exerciseSlug" TEXT NOT NULL,
    "ownerId" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'submit',
    "language" TEXT NOT NULL,
    "files" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "compile" TEXT,
    "tests" TEXT NOT NULL,
    "timeMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sizeBytes" INTEGER NOT NULL DEFAULT 0,
    "data" BYTEA,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Run_ownerId_createdAt_sizeBytes_status_idx" ON "Run"("ownerId", "createdAt", "sizeBytes", "status");

-- CreateIndex
CREATE INDEX "Run_apiRun_createdAt_sizeBytes_status_idx" ON "Run"("apiRun", "createdAt", "sizeBytes", "status");

-- CreateIndex
CREATE INDEX "Run_status_idx" ON "Run"("status");

-- CreateIndex
CREATE INDEX "Share_runId_idx" ON "Share"("runId");

-- CreateIndex
CREATE INDEX "Share_ownerId_idx" ON "Share"("ownerId");

-- CreateIndex
CREATE INDEX "Submission_exerciseSlug_ownerId_createdAt_idx" ON "Submission"("exerciseSlug", "ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_ownerId_createdAt_sizeBytes_idx" ON "Submission"("ownerId", "createdAt", "sizeBytes");

-- The blobs are brotli-compressed already (lib/db/blob.ts): stored without TOAST's
-- own compression (which would spend CPU to gain nothing), moved out of line when large.
ALTER TABLE "Run" ALTER COLUMN "input" SET STORAGE EXTERNAL;
ALTER TABLE "Run" ALTER COLUMN "result" SET STORAGE EXTERNAL;
ALTER TABLE "Share" ALTER COLUMN "data" SET STORAGE EXTERNAL;
ALTER TABLE "Submission" ALTER COLUMN "data" SET STORAGE EXTERNAL;
