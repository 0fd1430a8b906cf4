-- CreateTable
CREATE TABLE "RateBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RunHold" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunHold_pkey" PRIMARY KEY ("id","key")
);

-- CreateIndex
CREATE INDEX "RateBucket_at_idx" ON "RateBucket"("at");

-- CreateIndex
CREATE INDEX "RunHold_key_idx" ON "RunHold"("key");

-- CreateIndex
CREATE INDEX "RunHold_instanceId_idx" ON "RunHold"("instanceId");
