-- CreateTable
CREATE TABLE "RateBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tokens" REAL NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RunHold" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("id", "key")
);

-- CreateIndex
CREATE INDEX "RateBucket_at_idx" ON "RateBucket"("at");

-- CreateIndex
CREATE INDEX "RunHold_key_idx" ON "RunHold"("key");

-- CreateIndex
CREATE INDEX "RunHold_instanceId_idx" ON "RunHold"("instanceId");
