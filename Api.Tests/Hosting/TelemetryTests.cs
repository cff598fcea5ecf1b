using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Api.Tests.Hosting;

/// <summary>
/// README "Operating it", telemetry: the metrics say what was posted, fed and refused, and the traces of an
/// ingestion transaction carry its size. Metrics are read with a MeterListener on the test host's own meter
/// factory, so hosts running beside it do not count.
/// </summary>
public sealed class TelemetryTests
{
    private static object Received(string id, string dossier) =>
        new
        {
            id,
            dossierCode = dossier,
            type = "received",
            at = "2025-03-03T08:00:00+07:00",
            procedureCode = "1.000001",
            unitCode = "P.A.1",
            channel = "online",
        };

    /// <summary>Five events: three new, one repeated in the same batch, one with a local time.</summary>
    private static object[] FiveEvents() =>
        [
            Received("t-1", "T-1"),
            Received("t-1", "T-1"),
            new
            {
                id = "t-2",
                dossierCode = "T-1",
                type = "resolved",
                at = "2025-03-05T10:00:00+07:00",
            },
            Received("t-3", "T-2"),
            new
            {
                id = "t-4",
                dossierCode = "T-2",
                type = "resolved",
                at = "2025-03-05T10:00:00",
            },
        ];

    private static async Task<string> CreateIntegratorAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { name = "Một cửa", role = "integrator" });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("key").GetString()!;
    }

    [Test]
    public async Task IngestionMetrics_WhenABatchIsPosted_CountWhatItCameTo()
    {
        using var factory = new ScorecardFactory();
        using var admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
        var key = await CreateIntegratorAsync(admin);
        var source = key.Split('_')[1];
        using var integrator = factory.ClientWithKey(key);
        using var recorded = new Recorded(factory.Services.GetRequiredService<IMeterFactory>());

        var response = await TestProvince.PostAsync(integrator, FiveEvents());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            recorded.Sum("scorecard.ingestion.events", ("scorecard.source", source), ("scorecard.outcome", "accepted")),
            Is.EqualTo(3)
        );
        Assert.That(
            recorded.Sum(
                "scorecard.ingestion.events",
                ("scorecard.source", source),
                ("scorecard.outcome", "duplicate")
            ),
            Is.EqualTo(1)
        );
        Assert.That(
            recorded.Sum("scorecard.ingestion.events", ("scorecard.source", source), ("scorecard.outcome", "rejected")),
            Is.EqualTo(1)
        );
        Assert.That(
            recorded.Sum("scorecard.ingestion.transaction.events"),
            Is.EqualTo(4),
            "the writer took the four valid events"
        );
        Assert.That(recorded.Count("scorecard.ingestion.commit.duration"), Is.EqualTo(1));
        recorded.Observe();
        Assert.That(recorded.Last("scorecard.ingestion.queue.events"), Is.Zero, "nothing waits once answered");
        Assert.That(
            recorded.Last("scorecard.indicator_values.lag"),
            Is.Positive,
            "the figures have not taken the batch in yet"
        );

        await factory.Services.GetRequiredService<IndicatorValuesRefresher>().RefreshNowAsync(CancellationToken.None);
        recorded.Observe();

        Assert.That(recorded.Count("scorecard.indicator_values.refresh.lag"), Is.EqualTo(1));
        Assert.That(recorded.Last("scorecard.indicator_values.lag"), Is.Zero, "the figures have caught up");
    }

    [Test]
    public async Task FeedMetrics_WhenAPageIsRead_RecordItsRowsAndDuration()
    {
        using var factory = new ScorecardFactory();
        using var admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
        (await TestProvince.PostAsync(admin, FiveEvents())).EnsureSuccessStatusCode();
        using var recorded = new Recorded(factory.Services.GetRequiredService<IMeterFactory>());

        (await admin.GetAsync("/odata/Dossiers")).EnsureSuccessStatusCode();
        (await admin.GetAsync("/odata/Units")).EnsureSuccessStatusCode();

        Assert.That(recorded.Sum("scorecard.feed.query.rows", ("scorecard.entity_set", "Dossiers")), Is.EqualTo(2));
        Assert.That(recorded.Sum("scorecard.feed.query.rows", ("scorecard.entity_set", "Units")), Is.EqualTo(7));
        Assert.That(recorded.Count("scorecard.feed.query.duration"), Is.EqualTo(2));
    }

    [Test]
    public async Task RateLimitMetric_WhenRequestsAreRefused_CountsEachRefusal()
    {
        using var factory = new ScorecardFactory(
            new Dictionary<string, string?> { ["RateLimit:RequestsPerSecond"] = "1", ["RateLimit:Burst"] = "1" }
        );
        using var admin = factory.AdminClient();
        using var recorded = new Recorded(factory.Services.GetRequiredService<IMeterFactory>());

        var refused = 0;
        for (var i = 0; i < 5; i++)
        {
            refused += (await admin.GetAsync("/api/units")).StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        Assert.That(refused, Is.Positive);
        Assert.That(
            recorded.Sum("scorecard.rate_limit.rejections", ("scorecard.limit", "requests")),
            Is.EqualTo(refused)
        );
    }

    [Test]
    public async Task DatabaseSize_OfAMigratedDatabase_IsWholePages()
    {
        using var factory = new ScorecardFactory(provider: Scorecard.Infrastructure.Database.DatabaseProvider.Sqlite);
        using var admin = factory.AdminClient();
        (await admin.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        var bytes = await factory.Services.GetRequiredService<DatabaseSize>().ReadAsync(CancellationToken.None);

        Assert.That(bytes, Is.Positive);
        Assert.That(bytes % 4096, Is.Zero);
    }

    [Test]
    public async Task OpenTelemetry_WhenAnEndpointIsConfigured_ExportsRequestAndIngestionTraces()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var factory = new ScorecardFactory(
            new Dictionary<string, string?>
            {
                // Nothing listens there: the OTLP exporter fails quietly, the in-memory one keeps what was sent.
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "1000",
            }
        )
        {
            ConfigureHost = host =>
                host.ConfigureServices(services =>
                {
                    services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
                    services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
                }),
        };
        using var admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);

        (await TestProvince.PostAsync(admin, FiveEvents())).EnsureSuccessStatusCode();
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var post = spans.Single(s => s.DisplayName == "POST /api/dossier-events");
        var ingestion = spans.Last(s => s.DisplayName == "ingestion transaction");
        Assert.That(ingestion.GetTagItem("scorecard.events"), Is.EqualTo(4));
        Assert.That(ingestion.GetTagItem("scorecard.events.accepted"), Is.EqualTo(3));
        Assert.That(ingestion.GetTagItem("scorecard.dossiers"), Is.EqualTo(2));
        Assert.That(ingestion.GetTagItem("scorecard.commit.ms"), Is.InstanceOf<double>());
        Assert.That(
            ingestion.Links.Select(l => l.Context.TraceId),
            Does.Contain(post.TraceId),
            "linked to its request"
        );
        Assert.That(metrics.Select(m => m.Name), Does.Contain("scorecard.ingestion.events"));
    }

    /// <summary>What the instruments of one host's <see cref="ScorecardTelemetry.Name"/> meter record.</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> values =
            new();

        public Recorded(IMeterFactory host)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ScorecardTelemetry.Name && instrument.Meter.Scope == host)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((i, v, tags, _) => values.Enqueue((i.Name, v, tags.ToArray())));
            listener.SetMeasurementEventCallback<double>(
                (i, v, tags, _) => values.Enqueue((i.Name, v, tags.ToArray()))
            );
            listener.Start();
        }

        public void Observe() => listener.RecordObservableInstruments();

        public double Sum(string name, params (string Key, string Value)[] tags) => Matching(name, tags).Sum();

        public int Count(string name) => Matching(name, []).Count();

        public double Last(string name) => Matching(name, []).Last();

        private IEnumerable<double> Matching(string name, (string Key, string Value)[] tags) =>
            values
                .Where(v =>
                    v.Name == name
                    && tags.All(t => v.Tags.Any(g => g.Key == t.Key && Equals(g.Value as string, t.Value)))
                )
                .Select(v => v.Value);

        public void Dispose() => listener.Dispose();
    }
}
