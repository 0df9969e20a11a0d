-- temponest schema 002: agent types
CREATE TABLE agents (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
INSERT INTO agents (name) VALUES ('Developer'), ('Reviewer'), ('Researcher');
