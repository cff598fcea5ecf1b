using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Infrastructure.Keys;
using Scorecard.Api.Tests.Support;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// The writer lets batches of requests already on their way join the commit it is about to make, for
/// at most Ingestion:GatherMilliseconds (2 s here, so that the test does not race the clock).
/// </summary>
public sealed class IngestionGatheringTests
{
    private ScorecardFactory factory = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory(new() { ["Ingestion:GatherMilliseconds"] = "2000" });
        admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        admin.Dispose();
        factory.Dispose();
    }

    private DossierEventWriter Writer => factory.Services.GetRequiredService<DossierEventWriter>();

    /// <summary>Queues one event straight to the writer, as the request that announced <paramref name="arrival"/>.</summary>
    private Task<BatchOutcome> QueueAsync(DossierEvent e, DossierEventWriter.Arrival arrival) =>
        Writer.WriteAsync([new IncomingEvent(0, e)], new EventSender(ApiKey.BootstrapSource, null, null), CancellationToken.None, arrival);

    private static object Received(string code, string at = "2025-03-03T08:00:00+07:00") =>
        new { id = $"{code}-r", dossierCode = code, type = "received", at, procedureCode = "1.000001", unitCode = "P.A.1", channel = "online" };

    [Test]
    public async Task ABatchQueuedWhileAnotherRequestIsOnItsWay_SharesItsCommit()
    {
        var onItsWay = Writer.Announce();
        var first = TestProvince.PostAsync(admin, Received("G-1"));
        await Task.Delay(300); // the first batch is queued by now, and held for the request on its way

        var second = QueueAsync(new DossierEvent("G-2-r", "G-2", DossierEventType.Received, new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7)), 0)
        {
            ProcedureCode = "1.000001", UnitCode = "P.A.1", Channel = Channel.Online,
        }, onItsWay);

        using var answer = await first;
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await second).Accepted, Is.EqualTo(1));
        Assert.That((await StoredAtAsync("G-1")).Single(), Is.EqualTo((await StoredAtAsync("G-2")).Single()), "one transaction stores both batches");
    }

    /// <summary>
    /// The first batch is written as the first part of the transaction while the second is on its way;
    /// the second part refolds the same dossier and must move its facts from the row the first part
    /// wrote, not from the row stored before the transaction (there was none).
    /// </summary>
    [Test]
    public async Task ADossierTouchedByTwoPartsOfOneTransaction_IsCountedOnce()
    {
        var onItsWay = Writer.Announce();
        var first = TestProvince.PostAsync(admin, Received("G-6", "2025-04-07T08:00:00+07:00")); // a day and month no other test uses
        await Task.Delay(300);

        var second = QueueAsync(new DossierEvent("G-6-x", "G-6", DossierEventType.Resolved, new DateTimeOffset(2025, 4, 8, 10, 0, 0, TimeSpan.FromHours(7)), 0), onItsWay);

        using var answer = await first;
        Assert.That((await second).Accepted, Is.EqualTo(1));
        Assert.That(await StoredAtAsync("G-6"), Has.Count.EqualTo(1), "one transaction");
        await using var connection = await factory.OpenDatabaseAsync();
        var status = await connection.QuerySingleAsync<string>("SELECT status FROM dossiers WHERE code = 'G-6'");
        var daily = await connection.QuerySingleAsync<(long Received, long Finished)>(
            "SELECT SUM(received), SUM(finished) FROM daily_facts WHERE day IN ('2025-04-07', '2025-04-08')");
        var monthly = await connection.QuerySingleAsync<(long Received, long Finished)>("SELECT SUM(received), SUM(finished) FROM monthly_facts WHERE month = '2025-04-01'");
        Assert.That(status, Is.EqualTo("resolved"));
        Assert.That(daily, Is.EqualTo((1L, 1L)));
        Assert.That(monthly, Is.EqualTo((1L, 1L)));
    }

    [Test]
    public async Task ARequestAnnouncedButNeverQueued_HoldsACommitBackNoLongerThanTheLimit()
    {
        using var neverArrives = Writer.Announce();

        var posting = TestProvince.PostAsync(admin, Received("G-3"));
        var done = await Task.WhenAny(posting, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.That(done, Is.SameAs(posting), "the batch is committed once the gathering time is up");
        using var answer = await posting;
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("""{"events": "not a list"}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"events": [{"id": "x", "dossierCode": "G 4", "type": "received", "at": "2025-03-03T08:00:00+07:00"}]}""", HttpStatusCode.OK)]
    public async Task EveryRequest_EndsItsAnnouncement_WhetherItsBatchIsQueuedOrRefused(string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var answer = await admin.PostAsync(new Uri("/api/dossier-events", UriKind.Relative), content);
        Assert.That(answer.StatusCode, Is.EqualTo(expected));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Writer.Arriving > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.That(Writer.Arriving, Is.Zero);
    }

    /// <returns>The distinct arrival times of the dossier's events (one per transaction that stored some).</returns>
    private async Task<List<DateTimeOffset>> StoredAtAsync(string code)
    {
        await using var connection = await factory.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<DateTimeOffset>("SELECT DISTINCT stored_at FROM dossier_events WHERE dossier_code = @Code", new { Code = code })];
    }
}
