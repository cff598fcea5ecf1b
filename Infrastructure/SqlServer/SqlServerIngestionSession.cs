using System.Data;
using System.Text.Json;
using Dapper;
using Microsoft.Data.SqlClient;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.SqlServer;

/// <summary>
/// The SQL Server write path, the twin of <see cref="SqliteIngestionSession"/>: one transaction that
/// first takes an application lock (so writers of several instances take turns), then works in sets.
/// Dossier lists and event ids travel as one JSON parameter (OPENJSON); new events, dossier rows and
/// fact changes are gathered in memory, copied into #temp tables with SqlBulkCopy and written by one
/// update-then-insert per table, at the latest before the commit.
/// </summary>
internal sealed class SqlServerIngestionSession : IIngestionSession
{
    /// <summary>Rows gathered per table before they are written (bounds memory in rebuilds and bulk loads).</summary>
    public const int FlushRows = 10_000;

    private readonly DbConnectionFactory db;
    private readonly SqlConnection connection;
    private readonly SqlTransaction transaction;

    // What PrepareAppendsAsync learnt: the class of every announced id, and the classes already in the
    // log; the classes this session appends join the second set.
    private readonly Dictionary<string, int> idClasses = new(StringComparer.Ordinal);
    private readonly HashSet<int> storedClasses = [];

    private readonly DataTable events = SqlServerStaging.EventTable();
    private readonly Dictionary<string, DossierRow> dossiers = new(StringComparer.Ordinal);
    private bool staging;
    private long? lastSequence;
    private int arrivals;

    private SqlServerIngestionSession(DbConnectionFactory db, SqlConnection connection, SqlTransaction transaction)
    {
        this.db = db;
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>Begins the transaction and takes the application lock that makes writers of several instances take
    /// turns.</summary>
    public static Task<IIngestionSession> OpenAsync(DbConnectionFactory db, CancellationToken ct) =>
        db.OpenForAsync<IIngestionSession>(
            async opened =>
            {
                var connection = (SqlConnection)opened;
                var transaction = (SqlTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var lockTaken = new CommandDefinition(
                    SqlServerIngestionSql.LockSql,
                    transaction: transaction,
                    cancellationToken: ct
                );
                await connection.ExecuteAsync(lockTaken).ConfigureAwait(false);
                return new SqlServerIngestionSession(db, connection, transaction);
            },
            ct
        );

    /// <summary>
    /// Not tracked: several instances of the service may append to one SQL Server database, so no
    /// instance may take its own memory of a dossier's events as complete.
    /// </summary>
    public LogPosition? Position => null;

    public async Task<Dictionary<string, List<DossierEvent>>> LoadEventsAsync(
        IReadOnlyCollection<string> dossierKeys,
        CancellationToken ct
    )
    {
        await FlushAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<EventRow>(
                Command(SqlServerIngestionSql.LoadEventsSql, new { Keys = DossierKey.ToJsonPairs(dossierKeys) }, ct)
            )
            .ConfigureAwait(false);
        return EventRow.ByDossier(rows);
    }

    public async Task<Dictionary<string, DossierRow>> LoadDossiersAsync(
        IReadOnlyCollection<string> dossierKeys,
        CancellationToken ct
    )
    {
        await FlushAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<DossierRow>(
                Command(SqlServerIngestionSql.LoadDossiersSql, new { Keys = DossierKey.ToJsonPairs(dossierKeys) }, ct)
            )
            .ConfigureAwait(false);
        return rows.ToDictionary(DossierKey.Of, StringComparer.Ordinal);
    }

    /// <summary>
    /// Classifies every id announced so far in one statement. What this session appended is flushed first,
    /// so a second announcement finds those ids in the log.
    /// </summary>
    public async Task PrepareAppendsAsync(IReadOnlyCollection<string> eventKeys, CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
        var ids = idClasses.Keys.Concat(eventKeys).Distinct(StringComparer.Ordinal).ToList();
        var rows = await connection
            .QueryAsync<IdClass>(
                Command(SqlServerIngestionSql.ClassifyIdsSql, new { Ids = DossierKey.ToJsonPairs(ids) }, ct)
            )
            .ConfigureAwait(false);
        idClasses.Clear();
        storedClasses.Clear();
        foreach (var row in rows)
        {
            idClasses[ids[row.Position]] = row.Class;
            if (row.Stored)
            {
                storedClasses.Add(row.Class);
            }
        }

        lastSequence ??= await connection
            .ExecuteScalarAsync<long>(Command(SqlServerIngestionSql.LastSequenceSql, null, ct))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Decides from what <see cref="PrepareAppendsAsync"/> learnt and stages the event. The sequence
    /// returned counts on from the last stored one; the log's identity, assigned when the staged events
    /// are inserted, keeps that order.
    /// </summary>
    public async Task<long?> AppendEventAsync(
        DossierEvent e,
        string? keyId,
        DateTimeOffset storedAt,
        CancellationToken ct
    )
    {
        if (!idClasses.TryGetValue(DossierKey.Of(e.Source, e.Id), out var idClass) || lastSequence is not { } last)
        {
            throw new InvalidOperationException(
                $"Event id '{e.Id}' was not announced with {nameof(PrepareAppendsAsync)} before its append."
            );
        }

        if (!storedClasses.Add(idClass))
        {
            return null;
        }

        SqlServerStaging.AddEvent(events, arrivals++, new AppendedEvent(e, keyId, storedAt));
        lastSequence = last + 1;
        if (events.Rows.Count >= FlushRows)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }

        return last + 1;
    }

    /// <summary>Stages the row; a later row of the same dossier in this session replaces it, as a second upsert
    /// would.</summary>
    public async Task UpsertDossierAsync(DossierRow row, CancellationToken ct)
    {
        dossiers[DossierKey.Of(row)] = row;
        if (dossiers.Count >= FlushRows)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task ApplyFactsAsync(FactDeltas deltas, CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
        await AddFactsAsync(SqlServerStaging.DayFacts, SqlServerIngestionSql.AddDayFactsSql, deltas.Changes, ct)
            .ConfigureAwait(false);
        await AddFactsAsync(
                SqlServerStaging.MonthFacts,
                SqlServerIngestionSql.AddMonthFactsSql,
                deltas.MonthChanges,
                ct
            )
            .ConfigureAwait(false);
        var uses = deltas
            .Uses.Where(u => u.Value.Any(c => c != 0))
            .Select(u =>
            {
                var row = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["unit_id"] = u.Key.UnitId,
                    ["level"] = u.Key.Level,
                    ["year"] = u.Key.Year,
                    ["procedure_id"] = u.Key.ProcedureId,
                };
                for (var i = 0; i < u.Value.Length; i++)
                {
                    row[ProcedureUseColumns.Counters[i]] = u.Value[i];
                }

                return row;
            })
            .ToList();
        if (uses.Count > 0)
        {
            await connection
                .ExecuteAsync(
                    Command(SqlServerIngestionSql.AddProcedureUseSql, new { Uses = JsonSerializer.Serialize(uses) }, ct)
                )
                .ConfigureAwait(false);
        }

        var months = deltas
            .MonthChanges.Where(c => !c.Value.IsZero)
            .Select(c => StaleMarks.Of(c.Key.Month))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (months.Count > 0)
        {
            await connection
                .ExecuteAsync(
                    Command(SqlServerIngestionSql.MarkMonthsSql, new { Months = JsonSerializer.Serialize(months) }, ct)
                )
                .ConfigureAwait(false);
        }
    }

    public async Task ClearProjectionsAsync(CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
        await connection
            .ExecuteAsync(Command(SqlServerIngestionSql.ClearProjectionsSql, null, ct))
            .ConfigureAwait(false);
        await StaleMarks.MarkAllAsync(connection, transaction, SqlServerDialect.Instance, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams the log on a connection of its own: SQL Server allows one open reader per connection, and
    /// this session's connection keeps writing while the log is read (the log itself is never written here).
    /// </summary>
    public async IAsyncEnumerable<DossierEvent> ReadAllEventsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct
    )
    {
        await using var reader = await db.OpenAsync(ct).ConfigureAwait(false);
        await foreach (
            var row in reader
                .QueryUnbufferedAsync<EventRow>(SqlServerIngestionSql.ReadAllEventsSql)
                .WithCancellation(ct)
                .ConfigureAwait(false)
        )
        {
            yield return row.ToEvent();
        }
    }

    /// <summary>Nothing to count: this provider's writer reads every row from the database (<see
    /// cref="Position"/> is null).</summary>
    public Task CountProjectionRewriteAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task CommitAsync(CancellationToken ct)
    {
        await FlushAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        events.Dispose();
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Writes the staged events and dossier rows.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        if (events.Rows.Count > 0)
        {
            await CopyAsync(events, ct).ConfigureAwait(false);
            events.Clear();
            await connection
                .ExecuteAsync(Command(SqlServerIngestionSql.InsertEventsSql, null, ct))
                .ConfigureAwait(false);
        }

        if (dossiers.Count > 0)
        {
            using var rows = SqlServerStaging.DossierTable();
            foreach (var row in dossiers.Values)
            {
                SqlServerStaging.AddDossier(rows, row);
            }

            await CopyAsync(rows, ct).ConfigureAwait(false);
            dossiers.Clear();
            await connection
                .ExecuteAsync(Command(SqlServerIngestionSql.UpsertDossiersSql, null, ct))
                .ConfigureAwait(false);
        }
    }

    /// <summary>Adds the non-zero changes, <see cref="FlushRows"/> keys at a time (changes add up, so chunks are
    /// independent).</summary>
    private async Task AddFactsAsync(
        string table,
        string sql,
        IReadOnlyDictionary<(int UnitId, DateOnly Day), FactCounts> changes,
        CancellationToken ct
    )
    {
        foreach (var chunk in changes.Where(c => !c.Value.IsZero).Chunk(FlushRows))
        {
            using var rows = SqlServerStaging.FactTable(table);
            foreach (var ((unitId, key), counts) in chunk)
            {
                SqlServerStaging.AddFacts(rows, new FactRow(unitId, key, counts));
            }

            await CopyAsync(rows, ct).ConfigureAwait(false);
            await connection.ExecuteAsync(Command(sql, null, ct)).ConfigureAwait(false);
        }
    }

    private async Task CopyAsync(DataTable rows, CancellationToken ct)
    {
        if (!staging)
        {
            await connection.ExecuteAsync(Command(SqlServerStaging.CreateSql, null, ct)).ConfigureAwait(false);
            staging = true;
        }

        await SqlServerStaging.CopyAsync(connection, transaction, rows, ct).ConfigureAwait(false);
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, transaction, cancellationToken: ct);

    private sealed class IdClass
    {
        public int Position { get; init; }
        public int Class { get; init; }
        public bool Stored { get; init; }
    }
}
