-- What replicas share when ECOTOWN_DATABASE_URL is set (ecotown/store/pgstore.py).
-- Run once by the deployment as the database's owner; the app's role gets only what it
-- needs on these tables (deploy/cluster.sh: SELECT, INSERT, UPDATE; never DDL or DELETE).
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
    id     integer          PRIMARY KEY CHECK (id = 1),
    tokens double precision NOT NULL,
    at     double precision NOT NULL
);
