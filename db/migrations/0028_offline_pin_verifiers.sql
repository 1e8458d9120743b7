CREATE TABLE "offline_pin_keys" (
	"tenant_id" uuid NOT NULL,
	"epoch" integer DEFAULT 0 NOT NULL,
	"rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_by" uuid,
	CONSTRAINT "offline_pin_keys_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "pin_seed" text;--> statement-breakpoint
ALTER TABLE "offline_pin_keys" ADD CONSTRAINT "offline_pin_keys_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;