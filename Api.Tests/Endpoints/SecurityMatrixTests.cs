using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// Every route the application maps (<see cref="SecurityMatrix"/>) × every kind of key, in the
/// Production environment: 401 with a Basic challenge without a valid key, 403 for a role that may
/// not use the route, and a key limited to P.A reading P.B gets 403 naming the unit or only rows of
/// P.A; an admin key limited to P.A may not change province-wide reference data nor write for P.B,
/// and manages the keys of its own subtree. With public read on, a visitor without a key reads the public figures
/// and nothing else. Rate limits (429 with Retry-After) are covered by RateLimitTests.
/// </summary>
public sealed partial class SecurityMatrixTests
{
    /// <summary>The kinds of credentials each route is tried with.</summary>
    public enum KeyKind
    {
        None,
        Wrong,
        Revoked,
        Analyst,
        OtherSubtreeIntegrator,
        OtherSubtreeAdmin,
        Admin,

        /// <summary>No key, on a service with <c>Auth:PublicRead</c> on (the same data).</summary>
        PublicVisitor,
    }

    private static readonly HashSet<string> SubtreeOfPA = new(["P.A", "P.A.1", "P.A.2"], StringComparer.Ordinal);

    private readonly CapturedLog log = new();
    private readonly FailingClock clock = new();
    private readonly Dictionary<KeyKind, HttpClient> clients = [];
    private readonly List<string> plaintextKeys = [];
    private ScorecardFactory factory = null!;
    private ScorecardFactory publicFactory = null!;
    private int sequence;

    public static IEnumerable<TestCaseData> Cells() =>
        SecurityMatrix.Routes.Keys.SelectMany(route =>
            Enum.GetValues<KeyKind>().Select(kind => new TestCaseData(route, kind))
        );

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = Start(publicRead: false);
        publicFactory = Start(publicRead: true);
        var admin = factory.AdminClient();
        await SeedAsync(admin);
        using (var publicAdmin = publicFactory.AdminClient())
        {
            await SeedAsync(publicAdmin);
        }

        var revoked = await CreateKeyAsync(admin, "analyst", null);
        (
            await admin.DeleteAsync(new Uri("/api/keys/" + revoked.Split('_')[1], UriKind.Relative))
        ).EnsureSuccessStatusCode();
        clients[KeyKind.None] = factory.ClientWithKey(null);
        clients[KeyKind.Wrong] = factory.ClientWithKey("sc_aaaaaaaaaaaa_not-a-real-secret");
        clients[KeyKind.Revoked] = factory.ClientWithKey(revoked);
        clients[KeyKind.Analyst] = factory.ClientWithKey(await CreateKeyAsync(admin, "analyst", null));
        clients[KeyKind.OtherSubtreeIntegrator] = factory.ClientWithKey(
            await CreateKeyAsync(admin, "integrator", "P.A")
        );
        clients[KeyKind.OtherSubtreeAdmin] = factory.ClientWithKey(await CreateKeyAsync(admin, "admin", "P.A"));
        clients[KeyKind.Admin] = factory.ClientWithKey(await CreateKeyAsync(admin, "admin", null));
        clients[KeyKind.PublicVisitor] = publicFactory.ClientWithKey(null);
        admin.Dispose();
        await factory.Services.GetRequiredService<IndicatorValuesRefresher>().RefreshNowAsync(CancellationToken.None);
        await publicFactory
            .Services.GetRequiredService<IndicatorValuesRefresher>()
            .RefreshNowAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        factory.Dispose();
        publicFactory.Dispose();
    }

    [Test]
    public void EveryMappedRoute_IsClassifiedInTheMatrix()
    {
        var mapped = factory
            .Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e =>
                (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method =>
                    $"{method} /{e.RoutePattern.RawText!.Trim('/')}"
                )
            )
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(
            mapped.Except(SecurityMatrix.Routes.Keys),
            Is.Empty,
            "routes the matrix does not classify: add them to SecurityMatrix"
        );
        Assert.That(
            SecurityMatrix.Routes.Keys.Except(mapped),
            Is.Empty,
            "routes the matrix lists that are no longer mapped"
        );
        Assert.That(mapped, Has.Count.GreaterThanOrEqualTo(40));
    }

    [TestCaseSource(nameof(Cells))]
    public async Task Route_WithEachKindOfKey_AnswersAsTheRoleAndScopeAllow(string route, KeyKind kind)
    {
        var cell = SecurityMatrix.Routes[route];
        var (status, scoped, names) = Expected(cell, kind);
        var url =
            kind is KeyKind.Admin or KeyKind.OtherSubtreeAdmin && cell.Prepare is { } prepare
                ? await prepare(clients[KeyKind.Admin])
                : cell.Url;
        using var request = new HttpRequestMessage(new HttpMethod(route.Split(' ')[0]), url);
        if (cell.Body is { } body)
        {
            request.Content = ProblemAssert.Json(body(Interlocked.Increment(ref sequence)));
        }

        using var response = await clients[kind].SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        AssertSecurityHeaders(response, route);
        if (cell.Access != Access.Open)
        {
            AssertCaching(response, route, cell, kind);
        }

        Assert.That(response.StatusCode, Is.EqualTo(status), $"{route} with {kind}: {text}");
        if (status == HttpStatusCode.Unauthorized)
        {
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic"));
        }

        if ((int)status >= 400)
        {
            Assert.That(
                ErrorMessage(response, text),
                names is null ? Is.Not.Empty : Does.Contain(names),
                $"{route} with {kind}"
            );
            return;
        }

        if (cell.Scoped is ScopedRead.Rows or ScopedRead.Count)
        {
            AssertScope(cell, kind, scoped, JsonDocument.Parse(text).RootElement);
        }
    }

    private ScorecardFactory Start(bool publicRead) =>
        new(
            new()
            {
                ["RateLimit:RequestsPerSecond"] = "100",
                ["RateLimit:Burst"] = "300",
                ["RateLimit:PublicRequestsPerSecond"] = "100",
                ["RateLimit:PublicBurst"] = "300",
                ["Auth:PublicRead"] = publicRead ? "true" : null,
                // indicator_values is refreshed once, below, and not in the background while the clock is made to fail.
                ["IndicatorValues:RefreshSeconds"] = "3600",
            }
        )
        {
            EnvironmentName = "Production",
            ConfigureHost = b =>
                b.ConfigureLogging(l => l.ClearProviders().AddProvider(log))
                    .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)),
        };

    /// <summary>The province, two dossiers in each of P.A and P.B, a target for each, and a reported
    /// indicator.</summary>
    private static async Task SeedAsync(HttpClient admin)
    {
        await TestProvince.SeedAsync(admin);
        (
            await TestProvince.PostAsync(
                admin,
                Received("A-1", "P.A.1"),
                Received("A-2", "P.A.2"),
                Received("B-1", "P.B.1"),
                Received("B-2", "P.B")
            )
        ).EnsureSuccessStatusCode();
        (
            await admin.PutAsJsonAsync(
                "/api/targets",
                new[]
                {
                    new
                    {
                        unitCode = "P.A",
                        indicator = "on-time",
                        period = "2025-H1",
                        target = 80m,
                        assignedBy = "P",
                    },
                    new
                    {
                        unitCode = "P.B",
                        indicator = "on-time",
                        period = "2025-H1",
                        target = 85m,
                        assignedBy = "P",
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        (
            await admin.PutAsJsonAsync("/api/indicators", new[] { new { code = "vneid", name = "Kích hoạt VNeID" } })
        ).EnsureSuccessStatusCode();
    }

    private static ReceivedEvent Received(string code, string unit) =>
        new(code + "-r", code, "received", "2025-03-03T08:00:00+07:00", "1.000002", unit, "direct");

    private async Task<string> CreateKeyAsync(HttpClient admin, string role, string? unitCode)
    {
        var created = await (
            await admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = role,
                    role,
                    unitCode,
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        plaintextKeys.Add(key);
        return key;
    }

    private sealed record ReceivedEvent(
        string Id,
        string DossierCode,
        string Type,
        string At,
        string ProcedureCode,
        string UnitCode,
        string Channel
    );
}
