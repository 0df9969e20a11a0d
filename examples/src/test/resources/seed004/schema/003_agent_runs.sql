-- temponest schema 003: agent executions with their cost
CREATE TABLE agent_runs (id serial PRIMARY KEY, agent_id int NOT NULL REFERENCES agents, user_id int REFERENCES users,
  task text NOT NULL, status text NOT NULL, started_at timestamptz NOT NULL DEFAULT now(), duration_ms int,
  tokens int NOT NULL DEFAULT 0, cost_usd numeric(10, 4) NOT NULL DEFAULT 0);
INSERT INTO agent_runs (agent_id, task, status, started_at, duration_ms, tokens, cost_usd)
  SELECT 1 + i % 3, 'seeded task ' || i, CASE WHEN i % 9 = 0 THEN 'failed' ELSE 'completed' END,
         now() - i * interval '5 minutes', 800 + i % 400, 100 + i, (100 + i) * 0.00002
  FROM generate_series(1, 2000) i;
