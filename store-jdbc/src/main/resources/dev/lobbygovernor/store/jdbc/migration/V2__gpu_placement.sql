-- The GPU of a multi-GPU host that a lobby (or the slot reserved for it) was placed on, by its
-- NVML UUID; empty where the host's GPUs are not told apart. Rows written before this column
-- existed read as empty, as they were placed.
ALTER TABLE lobby_governor_lobby_record ADD COLUMN gpu text NOT NULL DEFAULT '';
ALTER TABLE lobby_governor_reservation ADD COLUMN gpu text NOT NULL DEFAULT '';
