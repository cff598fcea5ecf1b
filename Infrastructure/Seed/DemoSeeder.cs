using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Time;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Calendar;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Procedures;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure.Seed;

/// <summary>Writes the demo province through the same stores the API uses, logging its progress.</summary>
public sealed partial class DemoSeeder(
    DbConnectionFactory db,
    UnitStore units,
    ProcedureStore procedures,
    CalendarStore calendar,
    DossierEventWriter writer,
    TimeProvider clock,
    DemoSeedProgress progress,
    ILogger<DemoSeeder> logger
)
{
    public static DemoProvince Generate(DemoSeedOptions options)
    {
        var random = new Random(options.Seed);
        return new DemoProvince(DemoUnits.Generate(random), DemoProcedures.Generate(random));
    }

    /// <summary>The statutory holidays 2020–2031 shipped with the service.</summary>
    public static IReadOnlyList<CalendarDay> StatutoryCalendar()
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream(
            typeof(DemoSeeder).Namespace + ".vn-holidays-2020-2031.csv"
        )!;
        using var reader = new StreamReader(stream);
        return StatutoryHolidays.Parse(reader.ReadToEnd());
    }

    /// <summary>Seeds only when the database has no units (first start of a fresh installation).</summary>
    public async Task<bool> SeedIfEmptyAsync(DemoSeedOptions options, CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct).ConfigureAwait(false))
        {
            var count = await connection
                .ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM units", cancellationToken: ct))
                .ConfigureAwait(false);
            if (count > 0)
            {
                return false;
            }
        }

        await SeedAsync(options, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Upserts the demo province (idempotent: the same seed writes the same rows), reporting its
    /// progress.</summary>
    public async Task SeedAsync(DemoSeedOptions options, CancellationToken ct)
    {
        try
        {
            await SeedStepsAsync(options, ct).ConfigureAwait(false);
        }
        finally
        {
            progress.Finish();
        }
    }

    private async Task SeedStepsAsync(DemoSeedOptions options, CancellationToken ct)
    {
        var province = Generate(options);
        var now = clock.GetUtcNow();
        var stamp = AuditStamp.System(now);
        LogStep(logger, 1, "holiday calendar");
        progress.Report(1, "holiday calendar", 0);
        var days = StatutoryCalendar();
        await calendar.UpsertAsync(days, stamp, ct).ConfigureAwait(false);
        LogDone(logger, 1, days.Count, "calendar days");
        LogStep(logger, 2, "units");
        progress.Report(2, "units", 0);
        await units.UpsertAsync(province.Units, stamp, ct).ConfigureAwait(false);
        LogDone(logger, 2, province.Units.Count, "units");
        LogStep(logger, 3, "procedures");
        progress.Report(3, "procedures", 0);
        await procedures.UpsertAsync(province.Procedures, stamp, ct).ConfigureAwait(false);
        LogDone(logger, 3, province.Procedures.Count, "procedures");
        LogStep(logger, 4, "dossier events");
        progress.Report(4, "dossier events", 0);
        var (dossiers, events) = await SeedEventsAsync(province, days, options, ct).ConfigureAwait(false);
        LogEventsDone(logger, events, dossiers);
    }

    /// <summary>Sends the generated history through the dossier-event writer, four batches in flight.</summary>
    private async Task<(int Dossiers, long Events)> SeedEventsAsync(
        DemoProvince province,
        IReadOnlyList<CalendarDay> days,
        DemoSeedOptions options,
        CancellationToken ct
    )
    {
        var asOf = VietnamTime.StartOf(options.Last.AddDays(1));
        var history = new DemoHistory(province, new WorkCalendar(days), options.Seed);
        var inFlight = new List<Task<BatchOutcome>>();
        var batch = new List<IncomingEvent>(BatchSize);
        int dossiers = 0,
            reported = 0;
        long events = 0;
        foreach (var dossier in history.Dossiers(options.Dossiers, options.First, options.Last, asOf))
        {
            dossiers++;
            events += dossier.Count;
            batch.AddRange(dossier.Select(e => new IncomingEvent(batch.Count, e)));
            if (batch.Count >= BatchSize)
            {
                inFlight.Add(WriteAsync(batch, ct));
                batch = new List<IncomingEvent>(BatchSize);
                if (inFlight.Count >= 4)
                {
                    await inFlight[0].ConfigureAwait(false);
                    inFlight.RemoveAt(0);
                }
            }

            if (dossiers * 10L / options.Dossiers > reported)
            {
                reported = (int)(dossiers * 10L / options.Dossiers);
                LogProgress(logger, reported * 10, dossiers, events);
                progress.Report(4, "dossier events", reported * 10);
            }
        }

        inFlight.Add(WriteAsync(batch, ct));
        await Task.WhenAll(inFlight).ConfigureAwait(false);
        return (dossiers, events);
    }

    private const int BatchSize = 1000;

    private const int Attempts = 5;

    /// <summary>
    /// Writes one batch, again when the database was busy: the indicator-values refresh of a running service may hold
    /// the write lock longer than the busy timeout on a loaded machine, and a failed batch stores nothing (ids make a
    /// repeat harmless anyway).
    /// </summary>
    private async Task<BatchOutcome> WriteAsync(List<IncomingEvent> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await writer.WriteAsync(batch, Sender, ct).ConfigureAwait(false);
            }
            catch (DbException ex) when (attempt < Attempts)
            {
                LogRetry(logger, ex, attempt, Attempts);
                await Task.Delay(TimeSpan.FromSeconds(attempt), clock, ct).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Demo seed: a batch failed (attempt {Attempt} of {Attempts}); retrying"
    )]
    private static partial void LogRetry(ILogger logger, Exception ex, int attempt, int attempts);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Demo seed step 4/4 done: {Events} events of {Dossiers} dossiers"
    )]
    private static partial void LogEventsDone(ILogger logger, long events, int dossiers);

    private const string SeedKeyId = "demo-seed";

    /// <summary>The demo's events come from one source of their own, as an integrator's would.</summary>
    private static readonly EventSender Sender = new(SeedKeyId, null, SeedKeyId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Demo seed: {Percent}% ({Dossiers} dossiers, {Events} events)"
    )]
    private static partial void LogProgress(ILogger logger, int percent, int dossiers, long events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed step {Step}/4: {What}…")]
    private static partial void LogStep(ILogger logger, int step, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed step {Step}/4 done: {Count} {What}")]
    private static partial void LogDone(ILogger logger, int step, long count, string what);
}
