using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Infrastructure.IndicatorValues;

/// <summary>
/// What indicator values are computed from besides the facts — reference data, reported values and
/// targets — read afresh on the primary database: never from the shared cache or a readable
/// secondary, which may not yet show the change whose mark the refresh is about to remove.
/// </summary>
public sealed class IndicatorValueSources : IDisposable
{
    private readonly ReferenceDataCache reference;
    private readonly ReportedValueStore reported;
    private readonly TargetStore targets;
    private readonly NationalOnTimeQuery national;
    private readonly ProcedureReachQuery reach;

    public IndicatorValueSources(DbConnectionFactory db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        var primary = db.WithReadsOnPrimary(mapFile: false);
        reference = ReferenceDataCache.Over(primary, clock);
        reported = new ReportedValueStore(primary);
        targets = new TargetStore(primary);
        national = new NationalOnTimeQuery(primary);
        reach = new ProcedureReachQuery(primary);
    }

    /// <summary>The reference data as stored now.</summary>
    public async Task<ReferenceData> ReferenceAsync(CancellationToken ct)
    {
        reference.Invalidate();
        return await reference.GetAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Every reported value, of every period.</summary>
    public Task<IReadOnlyList<ReportedValue>> ReportedAsync(CancellationToken ct) => reported.ListAsync(ct);

    /// <summary>Every target, in the order they were first stored.</summary>
    public async Task<IReadOnlyList<TargetAssignment>> TargetsAsync(CancellationToken ct) =>
        [.. (await targets.ListAsync(null, ct).ConfigureAwait(false)).Select(t => t.Target)];

    /// <summary>What the period needs from the dossiers themselves, per unit that received them (its own dossiers,
    /// regrouped afterwards for each reading of the units).</summary>
    /// <param name="asOf">The instant open dossiers are judged at while the period runs.</param>
    public async Task<PeriodDossierFigures> DossierFiguresAsync(
        Period period,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(period);
        return new PeriodDossierFigures(
            await national.PerUnitAsync(period.Start, period.End, asOf, ct).ConfigureAwait(false),
            await reach.PairsAsync(period.Start, period.End, ct).ConfigureAwait(false)
        );
    }

    public void Dispose() => reference.Dispose();
}

/// <summary>What a period's indicator values need from the dossiers themselves, per unit id that received them: the
/// national on-time figure of its own dossiers (a unit absent has none: 0/0) and the procedures it used.</summary>
public sealed record PeriodDossierFigures(IReadOnlyDictionary<int, Ratio> OnTime, IReadOnlyList<ProcedureUse> Uses);
