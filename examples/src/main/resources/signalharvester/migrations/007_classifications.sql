CREATE TABLE IF NOT EXISTS artifact_classifications (artifact_id BIGINT NOT NULL REFERENCES artifacts(id), label TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL, PRIMARY KEY (artifact_id, label));
CREATE TABLE IF NOT EXISTS discovery_labels (id BIGSERIAL PRIMARY KEY, artifact_id BIGINT NOT NULL REFERENCES artifacts(id), label TEXT NOT NULL, labelled_by TEXT NOT NULL);
