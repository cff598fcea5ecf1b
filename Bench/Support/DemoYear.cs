using System.Globalization;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Bench.Support;

/// <summary>The demo province in a fresh database, and a year of its dossiers' events in time order, as integrators
/// send them.</summary>
internal static class DemoYear
{
    public static readonly DateOnly Until = new(2025, 12, 30);

    /// <summary>Creates the database with the demo units, procedures, calendar and indicators, and no
    /// dossiers.</summary>
    public static Task PrepareAsync(string database) =>
        ApiProcess.RunVerbAsync(
            database,
            "seed-demo",
            "--dossiers",
            "0",
            "--until",
            Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        );

    public static List<DossierEvent> Events(int dossiers)
    {
        var province = DemoSeeder.Generate(new DemoSeedOptions());
        var history = new DemoHistory(province, new WorkCalendar(DemoSeeder.StatutoryCalendar()), 2025);
        return history
            .Dossiers(
                dossiers,
                Until.AddDays(-364),
                Until,
                new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.FromHours(7))
            )
            .SelectMany(d => d)
            .OrderBy(e => e.At)
            .ToList();
    }
}
