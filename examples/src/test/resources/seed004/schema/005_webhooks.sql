-- temponest schema 005: webhooks and their deliveries
CREATE TABLE webhooks (id serial PRIMARY KEY, url text NOT NULL, event text NOT NULL);
CREATE TABLE webhook_deliveries (id serial PRIMARY KEY, webhook_id int NOT NULL REFERENCES webhooks, status int NOT NULL,
  delivered_at timestamptz NOT NULL DEFAULT now());
