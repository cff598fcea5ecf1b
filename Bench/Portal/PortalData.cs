using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Scorecard.Bench.Support;
using Scorecard.Domain.Calendar;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Seed;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Bench.Portal;

/// <summary>The benchmark province: the demo units and procedures, and years of generated dossiers loaded as
/// projections.</summary>
internal static class PortalData
{
    public static readonly DateOnly Until = new(2025, 12, 30);

    public static async Task<long> CreateAsync(string database, int dossiers, int years)
    {
        await ApiProcess
            .RunVerbAsync(
                database,
                "seed-demo",
                "--dossiers",
                "0",
                "--until",
                Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            )
            .ConfigureAwait(false);
        DapperTypeHandlers.Register();
        var db = new DbConnectionFactory(DatabaseSettings.Create("Sqlite", $"Data Source={database}", null));
        using var cache = ReferenceDataCache.Over(db, TimeProvider.System);
        var checkpointer = new SqliteCheckpointer(db, TimeProvider.System, NullLogger<SqliteCheckpointer>.Instance);
        var loader = new ProjectionLoader(db, cache, checkpointer, NullLogger<ProjectionLoader>.Instance);
        var history = new DemoHistory(
            DemoSeeder.Generate(new DemoSeedOptions()),
            new WorkCalendar(DemoSeeder.StatutoryCalendar()),
            2021
        );
        var first = Until.AddYears(-years).AddDays(1);
        var asOf = new DateTimeOffset(Until.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        var count = 0L;
        var loaded = await loader
            .LoadAsync(
                history
                    .Dossiers(dossiers, first, Until, asOf)
                    .Select(d =>
                    {
                        if (++count % 1_000_000 == 0)
                        {
                            Console.WriteLine($"  {count:N0} dossiers generated");
                        }

                        return d;
                    }),
                CancellationToken.None
            )
            .ConfigureAwait(false);
        return loaded;
    }
}
