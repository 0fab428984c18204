-- What replicas share when ECOTOWN_DATABASE_URL is set (ecotown/store/pgstore.py).
-- Run once by the deployment as the database's owner; the app's role gets only what it
-- needs on these tables (deploy/pglocal.py APP_GRANTS: SELECT and INSERT on history; UPDATE
-- only on the pointer and the rate bucket; DELETE only on expired throttle rows; never DDL).
CREATE TABLE IF NOT EXISTS ecotown_versions (
    dataset  text        NOT NULL,
    version  integer     NOT NULL CHECK (version > 0),
    record   jsonb       NOT NULL,
    created  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dataset, version)
);
CREATE TABLE IF NOT EXISTS ecotown_files (
    dataset  text    NOT NULL,
    version  integer NOT NULL,
    filename text    NOT NULL,
    data     bytea   NOT NULL,
    PRIMARY KEY (dataset, version, filename),
    FOREIGN KEY (dataset, version) REFERENCES ecotown_versions (dataset, version)
);
CREATE TABLE IF NOT EXISTS ecotown_latest (
    dataset text    PRIMARY KEY,
    version integer NOT NULL,
    FOREIGN KEY (dataset, version) REFERENCES ecotown_versions (dataset, version)
);
CREATE TABLE IF NOT EXISTS ecotown_audit (
    id    bigserial PRIMARY KEY,
    entry jsonb     NOT NULL
);
-- The steward throttle every replica shares (ecotown/stewardship/shared_access.py):
-- failed sign-ins per session (a hash of the session key, never the key) and one bucket
-- of token checks for all replicas together.
CREATE TABLE IF NOT EXISTS ecotown_throttle (
    client   text             PRIMARY KEY,
    failures integer          NOT NULL CHECK (failures > 0),
    last     double precision NOT NULL
);
CREATE TABLE IF NOT EXISTS ecotown_rate (
    id     integer          PRIMARY KEY CHECK (id IN (1, 2)),  -- 2: clients that failed
    tokens double precision NOT NULL,
    at     double precision NOT NULL
);
-- The app's role may remove only expired throttle rows (issue 25): a guesser's record of
-- failures cannot be wiped by the app's role before it expires. The owner (the
-- deployment) is not bound by these policies.
ALTER TABLE ecotown_throttle ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS throttle_read ON ecotown_throttle;
DROP POLICY IF EXISTS throttle_add ON ecotown_throttle;
DROP POLICY IF EXISTS throttle_change ON ecotown_throttle;
DROP POLICY IF EXISTS throttle_expire ON ecotown_throttle;
CREATE POLICY throttle_read ON ecotown_throttle FOR SELECT USING (true);
CREATE POLICY throttle_add ON ecotown_throttle FOR INSERT WITH CHECK (true);
CREATE POLICY throttle_change ON ecotown_throttle FOR UPDATE USING (true) WITH CHECK (true);
CREATE POLICY throttle_expire ON ecotown_throttle FOR DELETE
    USING (last < extract(epoch FROM now()) - 3600);
