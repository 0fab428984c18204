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
