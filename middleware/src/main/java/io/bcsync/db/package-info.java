/**
 * Transactions ({@link io.bcsync.db.Db}), the one SQL failure type ({@link
 * io.bcsync.db.DataAccessFailure}) and the helpers the plain tables' repositories share.
 *
 * <p>Repositories ({@code @JdbcRepository}) and their {@code @MappedEntity} rows follow two rules
 * so that one SQL text runs on H2 2.x (the embedded default, no MySQL mode) and on MySQL 8+/MariaDB
 * 10.6+:
 *
 * <ul>
 *   <li>{@code @MappedEntity(escape = false)}: Micronaut Data quotes identifiers by default, with
 *       double quotes for H2 and backticks for MySQL. H2 stores unquoted names in upper case, so a
 *       quoted lower-case {@code "bc_store"} names no table there; unquoted names work on both.
 *   <li>{@code @JdbcRepository(dialect = Dialect.MYSQL)}: queries are built at compile time for
 *       that dialect. Without quoting, the SQL it generates for what we use (insert, select by id
 *       or property, update by id, LIMIT) is the same text for H2, MySQL and ANSI, and H2 runs it;
 *       MYSQL is named because it is the production database.
 * </ul>
 *
 * <p>Conditional updates, IN lists and aggregates are native {@code @Query} SQL in the same
 * portable subset. Every repository call runs inside {@link io.bcsync.db.Db#write} or {@link
 * io.bcsync.db.Db#read}, which also turns micronaut-data's exceptions into {@link
 * io.bcsync.db.DataAccessFailure}. See docs/pipeline.md, "Persistence".
 */
package io.bcsync.db;
