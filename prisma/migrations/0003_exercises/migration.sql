-- CreateTable
CREATE TABLE "Exercise" (
    "slug" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Submission_exerciseSlug_ownerId_createdAt_idx" ON "Submission"("exerciseSlug", "ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_ownerId_idx" ON "Submission"("ownerId");
