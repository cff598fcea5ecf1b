using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.Sqlite;

/// <summary>
/// The SQLite write path: one IMMEDIATE transaction, dossier lists passed as one JSON parameter
/// (json_each), and the hot statements prepared once and re-executed per row.
/// </summary>
internal sealed class SqliteIngestionSession : IIngestionSession
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SqliteStatement appendEvent;
    private readonly SqliteStatement upsertDossier;
    private readonly SqliteStatement addFacts;
    private readonly SqliteStatement dropEmptyFacts;
    private readonly SqliteStatement addMonthFacts;
    private readonly SqliteStatement dropEmptyMonthFacts;
    private readonly SqliteStatement markStale;
    private readonly SqliteStatement addUse;
    private readonly SqliteStatement dropEmptyUse;
    private readonly SqliteStatement addReach;
    private readonly SqliteStatement dropEmptyReach;

    // The session holds SQLite's write lock from its first statement to its commit, so it can number
    // arrivals itself: no other writer can take a sequence in between.
    private long lastSequence;
    private long rewrites;

    private SqliteIngestionSession(SqliteConnection connection, SqliteTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
        appendEvent = new SqliteStatement(connection, SqliteIngestionSql.AppendEventSql);
        upsertDossier = new SqliteStatement(connection, SqliteIngestionSql.UpsertDossierSql);
        addFacts = new SqliteStatement(connection, SqliteIngestionSql.AddFactsSql);
        dropEmptyFacts = new SqliteStatement(connection, SqliteIngestionSql.DropEmptyFactsSql);
        addMonthFacts = new SqliteStatement(connection, SqliteIngestionSql.AddMonthFactsSql);
        dropEmptyMonthFacts = new SqliteStatement(connection, SqliteIngestionSql.DropEmptyMonthFactsSql);
        markStale = new SqliteStatement(connection, SqliteDialect.MarkStaleSqliteSql);
        addUse = new SqliteStatement(connection, SqliteIngestionSql.AddProcedureUseSql);
        dropEmptyUse = new SqliteStatement(connection, SqliteIngestionSql.DropEmptyProcedureUseSql);
        addReach = new SqliteStatement(connection, SqliteIngestionSql.AddProcedureReachSql);
        dropEmptyReach = new SqliteStatement(connection, SqliteIngestionSql.DropEmptyProcedureReachSql);
        using var position = connection.CreateCommand();
        position.Transaction = transaction;
        position.CommandText = SqliteIngestionSql.PositionSql;
        using var reader = position.ExecuteReader();
        reader.Read();
        lastSequence = reader.GetInt64(0);
        rewrites = reader.GetInt64(1);
    }

    /// <summary>Sets the writer's pragmas and begins the transaction (BEGIN IMMEDIATE: the write lock at
    /// once).</summary>
    public static Task<IIngestionSession> OpenAsync(DbConnectionFactory db, CancellationToken ct) =>
        db.OpenForAsync<IIngestionSession>(
            async opened =>
            {
                var connection = (SqliteConnection)opened;
                var pragmas = new CommandDefinition(SqliteIngestionSql.WriterPragmasSql, cancellationToken: ct);
                await connection.ExecuteAsync(pragmas).ConfigureAwait(false);
                var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                return new SqliteIngestionSession(connection, transaction);
            },
            ct
        );

    public LogPosition? Position => new LogPosition(lastSequence, rewrites);

    public async Task<Dictionary<string, List<DossierEvent>>> LoadEventsAsync(
        IReadOnlyCollection<string> dossierKeys,
        CancellationToken ct
    )
    {
        var rows = await connection
            .QueryAsync<EventRow>(
                new CommandDefinition(
                    SqliteIngestionSql.LoadEventsSql,
                    new { Keys = DossierKey.ToJsonPairs(dossierKeys) },
                    transaction,
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        return EventRow.ByDossier(rows);
    }

    public async Task<Dictionary<string, DossierRow>> LoadDossiersAsync(
        IReadOnlyCollection<string> dossierKeys,
        CancellationToken ct
    )
    {
        var rows = await connection
            .QueryAsync<DossierRow>(
                new CommandDefinition(
                    SqliteIngestionSql.LoadDossiersSql,
                    new { Keys = DossierKey.ToJsonPairs(dossierKeys) },
                    transaction,
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        return rows.ToDictionary(DossierKey.Of, StringComparer.Ordinal);
    }

    /// <summary>Nothing to prepare: the append itself says whether the id is stored (ON CONFLICT DO NOTHING).</summary>
    public Task PrepareAppendsAsync(IReadOnlyCollection<string> eventKeys, CancellationToken ct) => Task.CompletedTask;

    public Task<long?> AppendEventAsync(DossierEvent e, string? keyId, DateTimeOffset storedAt, CancellationToken ct)
    {
        // SQLite calls are synchronous underneath, so the hot path calls them directly rather than through async
        // wrappers.
        ct.ThrowIfCancellationRequested();
        EventColumns.Table.Bind(appendEvent, new AppendedEvent(e, keyId, storedAt));
        appendEvent.Bind(EventColumns.Table.All.Count + 1, lastSequence + 1);
        if (appendEvent.Execute() == 0)
        {
            return Task.FromResult<long?>(null); // ON CONFLICT (source, id) DO NOTHING: the source has sent this id
        }

        lastSequence++;
        return Task.FromResult<long?>(lastSequence);
    }

    public Task UpsertDossierAsync(DossierRow row, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        DossierColumns.Table.Bind(upsertDossier, row);
        upsertDossier.Execute();
        return Task.CompletedTask;
    }

    public Task ApplyFactsAsync(FactDeltas deltas, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        foreach (var ((unitId, day), counts) in deltas.Changes)
        {
            Apply(addFacts, dropEmptyFacts, FactColumns.Daily, new FactRow(unitId, day, counts));
        }

        foreach (var ((unitId, month), counts) in deltas.MonthChanges)
        {
            Apply(addMonthFacts, dropEmptyMonthFacts, FactColumns.Monthly, new FactRow(unitId, month, counts));
        }

        foreach (var (key, counts) in deltas.Uses)
        {
            if (counts.All(c => c == 0))
            {
                continue;
            }

            var row = new ProcedureUseRow(key, counts);
            foreach (var (add, dropEmpty) in new[] { (addUse, dropEmptyUse), (addReach, dropEmptyReach) })
            {
                ProcedureUseColumns.Table.Bind(add, row);
                add.Execute();
                if (counts.Any(c => c < 0))
                {
                    for (var i = 0; i < 4; i++)
                    {
                        ProcedureUseColumns.Table.All[i].Bind(dropEmpty, i + 1, row);
                    }

                    dropEmpty.Execute();
                }
            }
        }

        foreach (var month in deltas.MonthChanges.Where(c => !c.Value.IsZero).Select(c => c.Key.Month).Distinct())
        {
            markStale.Bind(1, StaleMarks.Of(month));
            markStale.Execute();
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds one change to a facts row and drops the row when it falls back to all zeros.</summary>
    private static void Apply(SqliteStatement add, SqliteStatement dropEmpty, TableColumns<FactRow> table, FactRow row)
    {
        if (row.Counts.IsZero)
        {
            return;
        }

        table.Bind(add, row);
        add.Execute();
        if (row.Counts.HasNegative)
        {
            table.All[0].Bind(dropEmpty, 1, row);
            table.All[1].Bind(dropEmpty, 2, row);
            dropEmpty.Execute();
        }
    }

    public async Task ClearProjectionsAsync(CancellationToken ct)
    {
        await connection
            .ExecuteAsync(
                new CommandDefinition("DELETE FROM daily_facts", transaction: transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        await connection
            .ExecuteAsync(
                new CommandDefinition("DELETE FROM monthly_facts", transaction: transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        await connection
            .ExecuteAsync(
                new CommandDefinition("DELETE FROM dossiers", transaction: transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        await connection
            .ExecuteAsync(
                new CommandDefinition(
                    "DELETE FROM procedure_use; DELETE FROM procedure_reach",
                    transaction: transaction,
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        await StaleMarks.MarkAllAsync(connection, transaction, SqliteDialect.Instance, ct).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<DossierEvent> ReadAllEventsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct
    )
    {
        await foreach (
            var row in connection
                .QueryUnbufferedAsync<EventRow>(SqliteIngestionSql.ReadAllEventsSql, transaction: transaction)
                .WithCancellation(ct)
                .ConfigureAwait(false)
        )
        {
            yield return row.ToEvent();
        }
    }

    public async Task CountProjectionRewriteAsync(CancellationToken ct)
    {
        // A pragma takes no parameters: the count is this session's own integer, never outside text.
        var next = checked(rewrites + 1).ToString(CultureInfo.InvariantCulture);
        await connection
            .ExecuteAsync(
                new CommandDefinition($"PRAGMA user_version = {next}", transaction: transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        rewrites++;
    }

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        foreach (
            var statement in new[]
            {
                appendEvent,
                upsertDossier,
                addFacts,
                dropEmptyFacts,
                addMonthFacts,
                dropEmptyMonthFacts,
                markStale,
                addUse,
                dropEmptyUse,
                addReach,
                dropEmptyReach,
            }
        )
        {
            statement.Dispose();
        }

        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
