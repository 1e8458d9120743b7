ALTER TABLE "shifts" ALTER COLUMN "counted_cash" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "shifts" ALTER COLUMN "expected_cash" SET DATA TYPE bigint;