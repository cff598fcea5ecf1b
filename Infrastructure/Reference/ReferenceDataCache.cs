using Dapper;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Calendar;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Indicators;
using Scorecard.Infrastructure.Procedures;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure.Reference;

/// <summary>
/// Reference data cached in memory. Writes through this process are recorded in
/// <see cref="ReferenceDataChanges"/> by the stores that make them and are seen at once; writes by
/// another instance are seen within <see cref="MaxAge"/>.
/// </summary>
public sealed class ReferenceDataCache(
    DbConnectionFactory db,
    ProcedureStore procedures,
    CalendarStore calendar,
    OfficeHoursStore officeHours,
    IndicatorStore indicators,
    ReferenceDataChanges changes,
    TimeProvider clock
) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const string UnitIdsSql = "SELECT code AS Code, id AS Id FROM units";
    private const string ProcedureIdsSql = "SELECT code AS Code, id AS Id FROM procedures";

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Entry? cached;

    /// <summary>A cache of its own over <paramref name="db"/>, outside the service's composition (benchmarks, fresh
    /// reads).</summary>
    public static ReferenceDataCache Over(DbConnectionFactory db, TimeProvider clock)
    {
        var changes = new ReferenceDataChanges();
        return new ReferenceDataCache(
            db,
            new ProcedureStore(db, changes),
            new CalendarStore(db, changes),
            new OfficeHoursStore(db, changes),
            new IndicatorStore(db, changes),
            changes,
            clock
        );
    }

    public async ValueTask<ReferenceData> GetAsync(CancellationToken ct)
    {
        if (cached is { } hit && IsCurrent(hit))
        {
            return hit.Data;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (cached is { } fresh && IsCurrent(fresh))
            {
                return fresh.Data;
            }

            // A write recorded while this load runs may not be in what it read: the entry keeps the
            // version the load started from, so the next read after such a write loads again.
            var loading = changes.Version;
            var data = await LoadAsync(ct).ConfigureAwait(false);
            cached = new Entry(data, clock.GetUtcNow(), loading);
            return data;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Makes the next read load from the database.</summary>
    public void Invalidate() => changes.Record();

    public void Dispose() => gate.Dispose();

    private bool IsCurrent(Entry entry) =>
        entry.Version == changes.Version && clock.GetUtcNow() - entry.LoadedAt < MaxAge;

    private async Task<ReferenceData> LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var units = await UnitStore.LoadAsync(connection, null, ct).ConfigureAwait(false);
        var unitIds = (
            await connection
                .QueryAsync<(string Code, int Id)>(new CommandDefinition(UnitIdsSql, cancellationToken: ct))
                .ConfigureAwait(false)
        ).ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
        // Rows before their ids, each read on its own: a row written in between then still finds its
        // id (nothing is ever deleted), where the other order failed on a procedure added meanwhile.
        var listed = await procedures.ListAsync(null, ct).ConfigureAwait(false);
        var procedureIds = (
            await connection
                .QueryAsync<(string Code, int Id)>(new CommandDefinition(ProcedureIdsSql, cancellationToken: ct))
                .ConfigureAwait(false)
        ).ToDictionary(p => p.Code, p => p.Id, StringComparer.Ordinal);
        var byCode = listed.ToDictionary(p => p.Code, p => (procedureIds[p.Code], p), StringComparer.Ordinal);
        var days = await calendar.ListAsync(null, null, ct).ConfigureAwait(false);
        var definitions = await indicators.ListAsync(ct).ConfigureAwait(false);
        var hours = await officeHours.ListAsync(ct).ConfigureAwait(false);
        return new ReferenceData(UnitTree.Build(units), unitIds, byCode, new WorkCalendar(days, hours), definitions);
    }

    private sealed record Entry(ReferenceData Data, DateTimeOffset LoadedAt, long Version);
}
