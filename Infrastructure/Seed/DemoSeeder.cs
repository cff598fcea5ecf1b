using Dapper;
using Microsoft.Extensions.Logging;
using Scorecard.Domain.Calendar;
using Scorecard.Infrastructure.Calendar;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Procedures;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure.Seed;

/// <summary>Writes the demo province through the same stores the API uses, logging its progress.</summary>
public sealed partial class DemoSeeder(
    DbConnectionFactory db,
    UnitStore units,
    ProcedureStore procedures,
    CalendarStore calendar,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
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
            typeof(DemoSeeder).Namespace + ".vn-holidays-2020-2031.csv")!;
        using var reader = new StreamReader(stream);
        return StatutoryHolidays.Parse(reader.ReadToEnd());
    }

    /// <summary>Seeds only when the database has no units (first start of a fresh installation).</summary>
    public async Task<bool> SeedIfEmptyAsync(DemoSeedOptions options, CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct).ConfigureAwait(false))
        {
            var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM units", cancellationToken: ct)).ConfigureAwait(false);
            if (count > 0)
            {
                return false;
            }
        }

        await SeedAsync(options, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Upserts the demo province (idempotent: the same seed writes the same rows).</summary>
    public async Task SeedAsync(DemoSeedOptions options, CancellationToken ct)
    {
        var province = Generate(options);
        var now = clock.GetUtcNow();
        LogStep(logger, 1, "holiday calendar");
        var days = StatutoryCalendar();
        await calendar.UpsertAsync(days, ct).ConfigureAwait(false);
        LogDone(logger, 1, days.Count, "calendar days");
        LogStep(logger, 2, "units");
        await units.UpsertAsync(province.Units, now, ct).ConfigureAwait(false);
        LogDone(logger, 2, province.Units.Count, "units");
        LogStep(logger, 3, "procedures");
        await procedures.UpsertAsync(province.Procedures, now, ct).ConfigureAwait(false);
        LogDone(logger, 3, province.Procedures.Count, "procedures");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed step {Step}/3: {What}…")]
    private static partial void LogStep(ILogger logger, int step, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed step {Step}/3 done: {Count} {What}")]
    private static partial void LogDone(ILogger logger, int step, int count, string what);
}
