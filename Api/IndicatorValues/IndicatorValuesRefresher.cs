using Microsoft.Extensions.Options;
using Scorecard.Api.Hosting;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;
using Scorecard.Domain.Time;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;
using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Api.IndicatorValues;

/// <summary>
/// Keeps <c>indicator_values</c> current. Every <see cref="IndicatorValuesOptions.RefreshSeconds"/> it
/// reads the stale marks that ingestion and reference writes leave, and recomputes what they touch: a
/// marked month with its quarter, half-year and year; everything after a change of reference data,
/// when the table is empty, or when the data start in another month; the new periods when the
/// Vietnam month turns. Rows are computed first, then written with the marks removed in one short
/// transaction, so the ingestion writer never waits for a computation. A refresh that took long
/// (heavy ingestion moves many months at once) spaces the next one out, and a due refresh gives way to a burst of
/// events for up to a minute: see <see cref="RefreshDelay"/>.
/// </summary>
internal sealed partial class IndicatorValuesRefresher(
    IndicatorValueStore store,
    IndicatorValueSources sources,
    RootDailyFacts rootDays,
    Scorecard.Infrastructure.Index.IndexDefinitionStore definitions,
    DatabaseState state,
    Scorecard.Infrastructure.Ingestion.IngestionPulse pulse,
    ScorecardMetrics metrics,
    IOptions<IndicatorValuesOptions> options,
    TimeProvider clock,
    ILogger<IndicatorValuesRefresher> logger
) : BackgroundService
{
    private readonly SemaphoreSlim gate = new(1, 1);

    // The months the table holds, as this refresher last left them; read from the table before the first refresh.
    private MonthRange? covered;
    private bool knowsCovered;

    // The Vietnam date the rows in today's structure were last computed for, and the units valid on it: when the date
    // moves past a unit's validFrom or validTo, every period's current rows move, though no write marked anything.
    private DateOnly? structureDay;
    private HashSet<string>? structureUnits;

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(options.Value.RefreshSeconds);

    /// <summary>
    /// Brings the table up to date with every change committed before the call (waiting for a refresh
    /// under way); returns the number of rows written.
    /// </summary>
    public async Task<int> RefreshNowAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        var since = metrics.RefreshStarting();
        try
        {
            var rows = await RefreshAsync(ct).ConfigureAwait(false);
            metrics.RefreshDone(since);
            return rows;
        }
        catch
        {
            metrics.RefreshFailed(since);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var started = clock.GetTimestamp();
                await RefreshOnceAsync(stoppingToken).ConfigureAwait(false);
                var ended = clock.GetTimestamp();
                await Task.Delay(
                        RefreshDelay.Next(Interval, clock.GetElapsedTime(started, ended)),
                        clock,
                        stoppingToken
                    )
                    .ConfigureAwait(false);
                while (
                    RefreshDelay.GivesWay(
                        pulse.CommittedWithin(RefreshDelay.BurstGap),
                        clock.GetElapsedTime(ended),
                        Interval
                    )
                )
                {
                    await Task.Delay(RefreshDelay.GiveWayStep, clock, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task RefreshOnceAsync(CancellationToken stoppingToken)
    {
        if (!state.IsMigrated)
        {
            return;
        }

        try
        {
            await RefreshNowAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }
    }

    private async Task<int> RefreshAsync(CancellationToken ct)
    {
        // The marks first: everything read after them is at least as new as the changes they stand for.
        var marks = await store.MarksAsync(ct).ConfigureAwait(false);
        var today = VietnamTime.DateOf(clock.GetUtcNow());
        var current = FirstOfMonth(today);
        var (restructured, validToday) = await RestructuredAsync(today, ct).ConfigureAwait(false);
        if (knowsCovered && marks.Count == 0 && !restructured && (covered is null || covered.Value.Last >= current))
        {
            (structureDay, structureUnits) = (today, validToday ?? structureUnits);
            return 0;
        }

        var started = clock.GetTimestamp();
        var reported = await sources.ReportedAsync(ct).ConfigureAwait(false);
        var facts = await store.FactMonthsAsync(ct).ConfigureAwait(false);
        var stored = knowsCovered ? covered : Range(await store.StoredMonthsAsync(ct).ConfigureAwait(false));
        var plan = RefreshPlan.Of(
            restructured ? [.. marks, new StaleMark(StaleMarks.All, 0)] : marks,
            stored,
            Earliest(facts.First, FirstReportedMonth(reported)),
            current
        );
        if (!plan.Full && plan.Periods.Count == 0 && marks.Count == 0)
        {
            (covered, knowsCovered) = (plan.Covers, true);
            return 0;
        }

        // The provinces' daily rollup first: its months are read from it only once their marks go, with the last step.
        await rootDays
            .RefreshAsync(
                plan.Periods.Where(p => p.Kind == PeriodKind.Month).Select(p => p.FirstDay),
                plan.Covers is { } range ? (range.First, range.Last) : null,
                ct
            )
            .ConfigureAwait(false);
        var definitionList = await definitions.ListAsync(ct).ConfigureAwait(false);
        // Read once for every step, after the marks.
        var reference = await sources.ReferenceAsync(ct).ConfigureAwait(false);
        var targets = await sources.TargetsAsync(ct).ConfigureAwait(false);
        var steps = plan.Steps(p => RowsOf(reference, p, today), options.Value.StepRows);
        var (computed, written) = (0, 0);
        var writeTime = TimeSpan.Zero;
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            var rows =
                steps[i].Count == 0
                    ? []
                    : await ComputeAsync(steps[i], reference, reported, targets, ct).ConfigureAwait(false);
            var scores = IndexScoreRows.Compute(rows, definitionList);
            var writing = clock.GetTimestamp();
            written += await store
                .ReplaceAsync(
                    steps.Count == 1 ? plan.Replaced : plan.ReplacedBy(steps[i], last, stored),
                    rows,
                    last ? marks : [],
                    ct,
                    scores
                )
                .ConfigureAwait(false);
            writeTime += clock.GetElapsedTime(writing);
            computed += rows.Count;
            if (steps.Count > 1)
            {
                LogStep(logger, i + 1, steps.Count, steps[i].Count, rows.Count);
            }
        }

        (covered, knowsCovered) = (plan.Covers, true);
        (structureDay, structureUnits) = (today, validToday ?? structureUnits);
        var total = clock.GetElapsedTime(started);
        LogRefreshed(
            logger,
            plan.Full ? "full" : "partial",
            plan.Periods.Count,
            computed,
            written,
            total.TotalMilliseconds,
            writeTime.TotalMilliseconds
        );
        return computed;
    }

    /// <summary>
    /// Whether the units valid on <paramref name="today"/> differ from those valid on the day the current rows were
    /// last computed for (read once a day; unknown, so false, before the first refresh of the process), with the
    /// units valid today when read.
    /// </summary>
    private async Task<(bool Restructured, HashSet<string>? ValidToday)> RestructuredAsync(
        DateOnly today,
        CancellationToken ct
    )
    {
        if (structureDay == today)
        {
            return (false, null);
        }

        var reference = await sources.ReferenceAsync(ct).ConfigureAwait(false);
        var valid = reference.Units.Units.Where(u => u.IsActiveOn(today)).Select(u => u.Code).ToHashSet();
        return (structureUnits is not null && !structureUnits.SetEquals(valid), valid);
    }

    private async Task<List<IndicatorValueRow>> ComputeAsync(
        IReadOnlyList<Period> periods,
        ReferenceData reference,
        IReadOnlyList<ReportedValue> reported,
        IReadOnlyList<TargetAssignment> targets,
        CancellationToken ct
    )
    {
        var months = await store
            .OwnMonthsAsync(periods.Min(p => p.FirstDay), periods.Max(p => p.LastDay), ct)
            .ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return await IndicatorValueRows
            .ComputeAsync(
                reference,
                months,
                reported,
                targets,
                periods,
                p => sources.DossierFiguresAsync(p, now, ct),
                now
            )
            .ConfigureAwait(false);
    }

    /// <summary>How many rows a period computes at most: each indicator of the units valid during it (as of the
    /// period) and of those valid today (today's structure).</summary>
    private static int RowsOf(ReferenceData reference, Period period, DateOnly today) =>
        (
            reference.Units.Units.Count(u => u.IsActiveDuring(period.FirstDay, period.LastDay))
            + reference.Units.Units.Count(u => u.IsActiveOn(today))
        ) * Math.Max(1, reference.Indicators.Count);

    /// <summary>The first month of a reported month, quarter, half-year or year (other periods never reach the
    /// table).</summary>
    private static DateOnly? FirstReportedMonth(IEnumerable<ReportedValue> values) =>
        values
            .Select(v =>
                Period.TryParse(v.Period, out var p, out _) && CalendarPeriods.IsCalendar(p!.Kind)
                    ? p.FirstDay
                    : (DateOnly?)null
            )
            .Min();

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) =>
        a is null ? b
        : b is null ? a
        : (a < b ? a : b);

    private static MonthRange? Range(IndicatorValueStore.MonthSpan span) =>
        span is { First: { } first, Last: { } last } ? new MonthRange(first, last) : null;

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Indicator values refreshed ({Kind}): {Periods} periods, "
            + "{Rows} rows computed, {Written} written, in {Milliseconds:F0} ms, of which {WriteMilliseconds:F0} ms in "
            + "the write transaction"
    )]
    private static partial void LogRefreshed(
        ILogger logger,
        string kind,
        int periods,
        int rows,
        int written,
        double milliseconds,
        double writeMilliseconds
    );

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Indicator values refresh, step {Step} of {Steps}: {Periods} periods, {Rows} rows"
    )]
    private static partial void LogStep(ILogger logger, int step, int steps, int periods, int rows);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Refreshing the indicator values failed; the marks stay for the next attempt"
    )]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
