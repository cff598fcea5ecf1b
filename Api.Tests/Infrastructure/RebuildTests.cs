using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// A generated year of dossiers, delivered over HTTP in random order, in random batches, with
/// duplicates: the projections equal a rebuild from the log, equal another delivery order, and the
/// daily facts equal the domain's own indicator definitions.
/// </summary>
public sealed class RebuildTests
{
    private const int Dossiers = 400;
    private static readonly DateOnly Until = new(2025, 12, 30);
    private static readonly DemoSeedOptions Options = new(Seed: 7, Dossiers: 0, Until: Until);

    private List<IReadOnlyList<DossierEvent>> history = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        var province = DemoSeeder.Generate(Options);
        var calendar = new WorkCalendar(DemoSeeder.StatutoryCalendar());
        history =
        [
            .. new DemoHistory(province, calendar, 11).Dossiers(
                Dossiers,
                Until.AddDays(-364),
                Until,
                new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7))
            ),
        ];
        Assert.That(history.Sum(h => h.Count), Is.GreaterThan(Dossiers * 2));
    }

    private async Task<ScorecardFactory> DeliverAsync(int orderSeed)
    {
        var factory = new ScorecardFactory();
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(Options, CancellationToken.None);
        var random = new Random(orderSeed);
        var events = history.SelectMany(h => h).ToList();
        events.AddRange(events.Where(_ => random.NextDouble() < 0.1).ToList());
        var shuffled = events.OrderBy(_ => random.Next()).ToList();
        using var client = factory.AdminClient();
        for (var at = 0; at < shuffled.Count; )
        {
            var size = random.Next(1, 300);
            var batch = shuffled.Skip(at).Take(size).Select(DossierEventWire.ToJson).ToList();
            (await client.PostAsJsonAsync("/api/dossier-events", new { events = batch })).EnsureSuccessStatusCode();
            at += size;
        }

        return factory;
    }

    private static async Task<(List<string> Dossiers, List<string> Facts)> DumpAsync(ScorecardFactory factory)
    {
        SqliteConnection.ClearAllPools();
        var facts = await TableDump.RowsAsync(factory, "daily_facts", "unit_id, day");
        facts.AddRange(await TableDump.RowsAsync(factory, "monthly_facts", "unit_id, month"));
        return (await TableDump.RowsAsync(factory, "dossiers", "code"), facts);
    }

    [Test]
    public async Task Rebuild_AfterShuffledDeliveryWithDuplicates_GivesByteForByteTheSameProjections()
    {
        using var factory = await DeliverAsync(orderSeed: 1);
        var incremental = await DumpAsync(factory);

        var (events, dossiers) = await factory
            .Services.GetRequiredService<DossierRebuilder>()
            .RebuildAsync(CancellationToken.None);
        var rebuilt = await DumpAsync(factory);

        Assert.That(events, Is.EqualTo(history.Sum(h => h.Count)));
        Assert.That(dossiers, Is.EqualTo(Dossiers));
        Assert.That(incremental.Dossiers, Has.Count.EqualTo(Dossiers));
        Assert.That(rebuilt.Dossiers, Is.EqualTo(incremental.Dossiers));
        Assert.That(rebuilt.Facts, Is.EqualTo(incremental.Facts));
    }

    /// <summary>
    /// A rebuild under new reference data while the writer remembers the rows it wrote: the events that follow move
    /// the facts from the rebuilt rows, not from the remembered ones, so the projections still equal a rebuild.
    /// </summary>
    [Test]
    public async Task Delivery_ContinuingAfterARebuildUnderChangedProcedures_StillEqualsARebuild()
    {
        using var factory = new ScorecardFactory();
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(Options, CancellationToken.None);
        var events = history.SelectMany(h => h).OrderBy(e => e.At).ToList();
        using var client = factory.AdminClient();
        async Task SendAsync(IEnumerable<DossierEvent> part)
        {
            foreach (var batch in part.Chunk(100))
            {
                var wire = batch.Select(DossierEventWire.ToJson).ToList();
                (await client.PostAsJsonAsync("/api/dossier-events", new { events = wire })).EnsureSuccessStatusCode();
            }
        }

        await SendAsync(events.Take(events.Count / 2));
        await using (
            var connection = await factory
                .Services.GetRequiredService<DbConnectionFactory>()
                .OpenAsync(CancellationToken.None)
        )
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE procedures SET paper_result = 1 - paper_result";
            Assert.That(await command.ExecuteNonQueryAsync(), Is.GreaterThan(0));
        }

        var rebuilder = factory.Services.GetRequiredService<DossierRebuilder>();
        await rebuilder.RebuildAsync(CancellationToken.None);
        await SendAsync(events.Skip(events.Count / 2));
        var incremental = await DumpAsync(factory);

        await rebuilder.RebuildAsync(CancellationToken.None);
        var rebuilt = await DumpAsync(factory);

        Assert.That(incremental.Dossiers, Has.Count.EqualTo(Dossiers));
        Assert.That(incremental.Dossiers, Is.EqualTo(rebuilt.Dossiers));
        Assert.That(incremental.Facts, Is.EqualTo(rebuilt.Facts));
    }

    [Test]
    public async Task Delivery_InAnotherOrder_GivesTheSameProjections()
    {
        using var first = await DeliverAsync(orderSeed: 2);
        using var second = await DeliverAsync(orderSeed: 3);

        var a = await DumpAsync(first);
        var b = await DumpAsync(second);

        Assert.That(b.Dossiers, Is.EqualTo(a.Dossiers));
        Assert.That(b.Facts, Is.EqualTo(a.Facts));
    }

    /// <summary>
    /// The property behind "order-free": whatever the order, batching and duplicates of delivery, the
    /// dossiers, the facts and every indicator value (the materialised table and the scorecard) are the same.
    /// </summary>
    [Test]
    public async Task Delivery_InManyOrdersAndBatchings_GivesIdenticalDossiersAndIndicatorValues()
    {
        (List<string> Dossiers, List<string> Facts, List<string> Values, string Scorecard)? reference = null;
        foreach (var seed in new[] { 20, 21, 22, 23, 24 })
        {
            using var factory = await DeliverAsync(seed);
            await factory
                .Services.GetRequiredService<IndicatorValuesRefresher>()
                .RefreshNowAsync(CancellationToken.None);
            using var client = factory.AdminClient();
            var scorecard = await client.GetStringAsync(new Uri("/api/scorecards/49?period=2025", UriKind.Relative));
            var (dossiers, facts) = await DumpAsync(factory);
            var values = await TableDump.RowsAsync(factory, "indicator_values", "unit_code, indicator_code, period");
            Assert.That(values, Is.Not.Empty);
            reference ??= (dossiers, facts, values, scorecard);
            Assert.That(dossiers, Is.EqualTo(reference.Value.Dossiers), $"dossiers, order {seed}");
            Assert.That(facts, Is.EqualTo(reference.Value.Facts), $"facts, order {seed}");
            Assert.That(values, Is.EqualTo(reference.Value.Values), $"indicator values, order {seed}");
            Assert.That(scorecard, Is.EqualTo(reference.Value.Scorecard), $"scorecard, order {seed}");
        }
    }

    [Test]
    public async Task DailyFacts_ForAMonth_EqualTheDomainContributionsOfEveryDossier()
    {
        using var factory = await DeliverAsync(orderSeed: 4);
        var june = Period.Parse("2025-06");
        var calendar = new WorkCalendar(DemoSeeder.StatutoryCalendar());
        var procedures = DemoSeeder.Generate(Options).Procedures.ToDictionary(p => p.Code);
        var expected = IndicatorCodes.DossierBased.ToDictionary(c => c, _ => Ratio.Zero);
        var complaints = Ratio.Zero;
        foreach (var events in history)
        {
            var procedure = procedures[events.First(e => e.Type == DossierEventType.Received).ProcedureCode!];
            var state = DossierFold.Fold(events, procedure, calendar)!;
            complaints += DossierContributions.Complaint(state, june);
            foreach (
                var (code, ratio) in DossierContributions.Of(
                    state,
                    procedure,
                    june,
                    OnTimeRule.Finished,
                    june.End,
                    calendar
                )
            )
            {
                expected[code] += ratio;
            }
        }

        await using var connection = await factory.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {FactColumns.Sums} FROM daily_facts f WHERE f.day >= '2025-06-01' AND f.day <= '2025-06-30'";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var counts = FactCounts.From(c => reader.GetInt64(reader.GetOrdinal(c.ToString())));
        var actual = counts.Ratios();

        Assert.That(
            expected[IndicatorCodes.OnTime].Denominator,
            Is.GreaterThan(10),
            "the month must hold finished dossiers"
        );
        Assert.That(actual, Is.EquivalentTo(expected));
        Assert.That(counts.Complaints, Is.EqualTo(complaints));
    }
}
