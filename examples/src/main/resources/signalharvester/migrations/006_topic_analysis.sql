CREATE TABLE IF NOT EXISTS topic_clusters (id BIGSERIAL PRIMARY KEY, label TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS topic_evolution (topic_id BIGINT NOT NULL REFERENCES topics(id), day DATE NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (topic_id, day));
CREATE TABLE IF NOT EXISTS topic_similarity (topic_a BIGINT NOT NULL REFERENCES topics(id), topic_b BIGINT NOT NULL REFERENCES topics(id), similarity DOUBLE PRECISION NOT NULL, PRIMARY KEY (topic_a, topic_b));
