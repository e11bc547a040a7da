/**
 * Lobby Governor's store over PostgreSQL, through a host-supplied {@link javax.sql.DataSource}:
 * {@link dev.lobbygovernor.store.jdbc.JdbcSessionStore} (lobby records and reservations in
 * tables of their own; sessions read from the host's table through a
 * {@link dev.lobbygovernor.store.jdbc.SessionLookup}),
 * {@link dev.lobbygovernor.store.jdbc.JdbcAdmissionLedger} (one cap across every replica that
 * shares the database), and {@link dev.lobbygovernor.store.jdbc.JdbcSchema} (the migrations).
 *
 * <p>Plain JDBC: the host brings the PostgreSQL driver and the connection pool.
 */
package dev.lobbygovernor.store.jdbc;
