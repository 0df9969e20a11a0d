-- temponest schema 001: users of the auth service
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now());
