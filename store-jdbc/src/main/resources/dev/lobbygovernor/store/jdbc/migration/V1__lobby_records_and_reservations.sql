-- Lobby Governor's own tables. There is no foreign key to the host's sessions, on purpose:
-- a lobby record must outlive its session (soft- or hard-deleted), because it holds the PIN
-- that cleanup needs to stop the lobby.

CREATE TABLE lobby_governor_lobby_record (
    lobby_id          text        PRIMARY KEY,
    host_id           text        NOT NULL,
    session_id        text        NOT NULL,
    -- decimal digits as text, so that leading zeros survive; NULL for an open lobby
    pin               text        NULL CHECK (pin ~ '^[0-9]{1,16}$'),
    created_at        timestamptz NOT NULL,
    last_activity_at  timestamptz NOT NULL
);

-- admission counts a host's records; cleanup lists them by host, oldest first
CREATE INDEX lobby_governor_lobby_record_host ON lobby_governor_lobby_record (host_id, created_at);
-- idle cleanup lists records by last activity
CREATE INDEX lobby_governor_lobby_record_activity ON lobby_governor_lobby_record (last_activity_at);

CREATE TABLE lobby_governor_reservation (
    reservation_id     text        PRIMARY KEY,
    host_id            text        NOT NULL,
    session_id         text        NOT NULL,
    pin                text        NULL CHECK (pin ~ '^[0-9]{1,16}$'),
    -- the unique name the lobby is created with, so that the runtime's listing shows it
    lobby_name         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    phase              text        NOT NULL CHECK (phase IN ('RESERVED', 'CREATING', 'ABANDONED')),
    create_started_at  timestamptz NULL,
    CHECK ((phase = 'RESERVED') = (create_started_at IS NULL)),
    CHECK (expires_at >= created_at)
);

-- admission counts a host's reservations; reconciliation lists them oldest first
CREATE INDEX lobby_governor_reservation_host ON lobby_governor_reservation (host_id, created_at);
