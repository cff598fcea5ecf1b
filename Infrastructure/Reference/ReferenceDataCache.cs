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
/// Reference data cached in memory. Writes through this process call <see cref="Invalidate"/> and
/// are seen at once; writes by another instance are seen within <see cref="MaxAge"/>.
/// </summary>
public sealed class ReferenceDataCache(
    DbConnectionFactory db, ProcedureStore procedures, CalendarStore calendar, OfficeHoursStore officeHours, IndicatorStore indicators, TimeProvider clock)
    : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const string UnitIdsSql = "SELECT code AS Code, id AS Id FROM units";
    private const string ProcedureIdsSql = "SELECT code AS Code, id AS Id FROM procedures";

    private readonly SemaphoreSlim gate = new(1, 1);
    private (ReferenceData Data, DateTimeOffset LoadedAt)? cached;
    private readonly Lock invalidation = new();
    private long version;

    public async ValueTask<ReferenceData> GetAsync(CancellationToken ct)
    {
        if (cached is { } hit && clock.GetUtcNow() - hit.LoadedAt < MaxAge)
        {
            return hit.Data;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (cached is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < MaxAge)
            {
                return fresh.Data;
            }

            // A write that invalidates while this load runs may not be in what it read: keep it only if none did.
            // The check and the store are one step against Invalidate, or an invalidation between them would be lost.
            var loading = Interlocked.Read(ref version);
            var data = await LoadAsync(ct).ConfigureAwait(false);
            lock (invalidation)
            {
                if (version == loading)
                {
                    cached = (data, clock.GetUtcNow());
                }
            }

            return data;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate()
    {
        lock (invalidation)
        {
            Interlocked.Increment(ref version);
            cached = null;
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<ReferenceData> LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var units = await UnitStore.LoadAsync(connection, null, ct).ConfigureAwait(false);
        var unitIds = (await connection.QueryAsync<(string Code, int Id)>(new CommandDefinition(UnitIdsSql, cancellationToken: ct)).ConfigureAwait(false))
            .ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
        // Rows before their ids, each read on its own: a row written in between then still finds its
        // id (nothing is ever deleted), where the other order failed on a procedure added meanwhile.
        var listed = await procedures.ListAsync(null, ct).ConfigureAwait(false);
        var procedureIds = (await connection.QueryAsync<(string Code, int Id)>(new CommandDefinition(ProcedureIdsSql, cancellationToken: ct)).ConfigureAwait(false))
            .ToDictionary(p => p.Code, p => p.Id, StringComparer.Ordinal);
        var byCode = listed.ToDictionary(p => p.Code, p => (procedureIds[p.Code], p), StringComparer.Ordinal);
        var days = await calendar.ListAsync(null, null, ct).ConfigureAwait(false);
        var definitions = await indicators.ListAsync(ct).ConfigureAwait(false);
        var hours = await officeHours.ListAsync(ct).ConfigureAwait(false);
        return new ReferenceData(UnitTree.Build(units), unitIds, byCode, new WorkCalendar(days, hours), definitions);
    }
}
