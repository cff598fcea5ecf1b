using System.Diagnostics;
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// The feed query time limit stops the database itself (here 1 s, on a count that would run for seconds
/// over 400,000 dossiers), and a key runs at most its number of feed queries at once (here 1).
/// </summary>
[NonParallelizable]
public sealed class FeedTimeLimitTests
{
    /// <summary>Forty-five nested Unicode case folds per row: many seconds of work for SQLite over the bulk
    /// rows.</summary>
    private static readonly string SlowCount =
        "/odata/Dossiers/$count?$filter="
        + Uri.EscapeDataString(
            string.Join(
                " or ",
                Enumerable
                    .Range(0, 5)
                    .Select(k =>
                        Enumerable
                            .Range(0, 9)
                            .Aggregate("Code", (inner, i) => i % 2 == 0 ? $"tolower({inner})" : $"toupper({inner})")
                        + $" eq 'x{k}'"
                    )
            )
        );

    private ScorecardFactory factory = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory(
            new Dictionary<string, string?>
            {
                ["OData:QueryTimeoutSeconds"] = "1",
                ["OData:MaxConcurrentQueriesPerKey"] = "1",
            }
        );
        admin = factory.AdminClient();
        await FeedDataset.SeedAsync(admin);
        await using var connection = await factory
            .Services.GetRequiredService<DbConnectionFactory>()
            .OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(BulkSql);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        admin.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Count_WhenItWouldRunPastTheLimit_IsStoppedAndAnswers400SayingSo()
    {
        var watch = Stopwatch.StartNew();
        var message = await ODataFeed.ErrorAsync(admin, SlowCount);

        Assert.That(message, Does.Contain("longer than the limit of 1 s"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "stopped near the limit, not run to its end");
    }

    [Test]
    public async Task Query_WhenTheKeyAlreadyRunsItsMaximum_Is429WithRetryAfter()
    {
        var slow = admin.GetAsync(new Uri(SlowCount, UriKind.Relative));
        // Ask again until an answer comes while the slow query holds the key's only place (about 1 s, its time
        // limit); on a loaded machine the slow one may take a while to reach the database.
        HttpResponseMessage second;
        do
        {
            await Task.Delay(100);
            second = await admin.GetAsync(new Uri("/odata/Units", UriKind.Relative));
        } while (second.StatusCode == HttpStatusCode.OK && !slow.IsCompleted && DisposeAndGoOn(second));

        using var first = await slow;
        using var _ = second;

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(second.Headers.RetryAfter, Is.Not.Null);
        Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("feed queries"));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the slow one is stopped at the limit");
    }

    /// <summary>Drops an answer that came before the slow query held its place, so the loop asks again.</summary>
    private static bool DisposeAndGoOn(HttpResponseMessage response)
    {
        response.Dispose();
        return true;
    }

    private const string BulkSql = """
        WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 400000)
        INSERT INTO dossiers (source, code, procedure_id, unit_id, channel, status, received_at, supplement_count,
                              supplement_seconds, fee_required, paid_online, amount_paid, digitised, electronic_result,
                              population_db_used, online_eligible, person_applicant, violation)
        SELECT 'bulk', 'BULK-' || x, (SELECT MIN(id) FROM procedures), (SELECT MIN(id) FROM units), 'online',
            'received',
               '2025-03-03T01:00:00.0000000Z', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM n
        """;
}
