-- temponest schema 004: scheduled tasks
CREATE TABLE schedules (id serial PRIMARY KEY, name text NOT NULL, cron text NOT NULL,
  agent_id int NOT NULL REFERENCES agents, task text NOT NULL, status text NOT NULL DEFAULT 'Active');
