CREATE TABLE IF NOT EXISTS entities (id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, UNIQUE (kind, name));
CREATE TABLE IF NOT EXISTS artifact_relationships (source_id BIGINT NOT NULL REFERENCES artifacts(id), target_id BIGINT NOT NULL REFERENCES artifacts(id), relation TEXT NOT NULL, PRIMARY KEY (source_id, target_id, relation));
