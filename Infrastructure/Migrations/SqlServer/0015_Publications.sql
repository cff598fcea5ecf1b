-- Published figures, kept as they were when a period was closed (see Sqlite/0015_Publications.sql).
CREATE TABLE dbo.publications (
    id            int               NOT NULL CONSTRAINT pk_publications PRIMARY KEY,
    unit_code     varchar(64)       NOT NULL,
    period_code   varchar(32)       NOT NULL,
    published_at  datetimeoffset(7) NOT NULL,
    published_by  nvarchar(200)     NOT NULL,
    note          nvarchar(1000)    NULL,
    supersedes    int               NULL,
    definition    nvarchar(max)     NOT NULL
);
CREATE INDEX ix_publications_period ON dbo.publications (period_code, id);

CREATE TABLE dbo.publication_figures (
    publication_id  int          NOT NULL,
    unit_code       varchar(64)  NOT NULL,
    part            varchar(32)  NOT NULL,
    indicator       varchar(64)  NOT NULL,
    numerator       bigint       NULL,
    denominator     bigint       NULL,
    band            varchar(32)  NOT NULL,
    CONSTRAINT pk_publication_figures PRIMARY KEY (publication_id, part, unit_code, indicator)
);
