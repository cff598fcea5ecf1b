using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>README "Operating it", audit: every change of reference data, bands, indicators, targets, reported
/// figures and keys is recorded with who made it, in the transaction of the change, and read by admins
/// only.</summary>
public sealed class AuditEndpointTests : ApiFixture
{
    private const string Units = """
        [
          {"code":"P","name":"Tỉnh","level":"province","kind":"locality"},
          {"code":"P.A","name":"Huyện A","level":"district","kind":"locality","parentCode":"P"},
          {"code":"P.A.1","name":"Xã A1","level":"commune","kind":"locality","parentCode":"P.A"},
          {"code":"P.B","name":"Huyện B","level":"district","kind":"locality","parentCode":"P"}
        ]
        """;

    protected override async Task SeedAsync() =>
        (await Admin.PutAsync("/api/units", ProblemAssert.Json(Units))).EnsureSuccessStatusCode();

    private async Task<(string Id, string Key)> CreateKeyAsync(string name, string role, string? unitCode = null)
    {
        var response = await Admin.PostAsJsonAsync(
            "/api/keys",
            new
            {
                name,
                role,
                unitCode,
            }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/audit" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. page.GetProperty("entries").EnumerateArray()];
    }

    [Test]
    public async Task PutUnits_WhenCreatedThenRenamed_RecordsWhoAndBeforeAndAfter()
    {
        var (id, key) = await CreateKeyAsync("Sở Nội vụ admin", "admin");
        using var client = Factory.ClientWithKey(key);
        var unit = """[{"code":"P.C","name":"Huyện C","level":"district","kind":"locality","parentCode":"P"}]""";
        (await client.PutAsync("/api/units", ProblemAssert.Json(unit))).EnsureSuccessStatusCode();
        (
            await client.PutAsync("/api/units", ProblemAssert.Json(unit.Replace("Huyện C", "Thị xã C")))
        ).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(Admin, $"?entity=unit&key={id}");

        Assert.That(entries, Has.Count.EqualTo(2));
        Assert.That(entries.Select(e => e.GetProperty("action").GetString()), Is.EqualTo(new[] { "create", "update" }));
        Assert.That(entries.All(e => e.GetProperty("keyName").GetString() == "Sở Nội vụ admin"), Is.True);
        Assert.That(entries.All(e => e.GetProperty("entityKey").GetString() == "P.C"), Is.True);
        Assert.That(entries.All(e => e.GetProperty("unitCode").GetString() == "P.C"), Is.True);
        Assert.That(entries[0].GetProperty("before").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(entries[0].GetProperty("after").GetProperty("name").GetString(), Is.EqualTo("Huyện C"));
        Assert.That(entries[1].GetProperty("before").GetProperty("name").GetString(), Is.EqualTo("Huyện C"));
        Assert.That(entries[1].GetProperty("after").GetProperty("name").GetString(), Is.EqualTo("Thị xã C"));
        Assert.That(entries[1].GetProperty("after").GetProperty("level").GetString(), Is.EqualTo("district"));
    }

    [Test]
    public async Task PutUnits_WhenNothingChanges_RecordsNothing()
    {
        var before = (await EntriesAsync(Admin, "?entity=unit&limit=1000")).Count;

        (await Admin.PutAsync("/api/units", ProblemAssert.Json(Units))).EnsureSuccessStatusCode();

        Assert.That(await EntriesAsync(Admin, "?entity=unit&limit=1000"), Has.Count.EqualTo(before));
    }

    [Test]
    public async Task PutUnits_WhenRefused_RecordsNothing()
    {
        var before = (await EntriesAsync(Admin, "?entity=unit&limit=1000")).Count;

        var refused = await Admin.PutAsync(
            "/api/units",
            ProblemAssert.Json("""[{"code":"X1","name":"Xã","level":"commune","kind":"locality","parentCode":"999"}]""")
        );

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await EntriesAsync(Admin, "?entity=unit&limit=1000"), Has.Count.EqualTo(before));
    }

    [Test]
    public async Task EveryAuditedWrite_WhenMade_IsRecordedUnderItsEntity()
    {
        var (id, key) = await CreateKeyAsync("auditor", "admin");
        using var client = Factory.ClientWithKey(key);
        async Task SendAsync(HttpMethod method, string url, string? body = null)
        {
            using var request = new HttpRequestMessage(method, url)
            {
                Content = body is null ? null : ProblemAssert.Json(body),
            };
            var response = await client.SendAsync(request);
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{method} {url}: {response.StatusCode}");
        }

        await SendAsync(
            HttpMethod.Put,
            "/api/units",
            """[{"code":"P.D","name":"Huyện D","level":"district","kind":"locality","parentCode":"P"}]"""
        );
        await SendAsync(
            HttpMethod.Put,
            "/api/procedures",
            """[{"code":"9.1","name":"Thử","field":"Thử","level":"district","onlineService":"none"}]"""
        );
        await SendAsync(
            HttpMethod.Put,
            "/api/calendar",
            """[{"date":"2031-05-02","kind":"holiday","name":"Nghỉ bù"}]"""
        );
        await SendAsync(HttpMethod.Delete, "/api/calendar/2031-05-02");
        await SendAsync(
            HttpMethod.Put,
            "/api/calendar/office-hours",
            """
            [{"validFrom":"2000-01-01","periods":[{"start":"07:00","end":"11:00"},{"start":"13:00","end":"17:00"}],
              "sameDayCutoff":"15:00"}]
            """
        );
        await SendAsync(HttpMethod.Put, "/api/indicators", """[{"code":"vneid","name":"Kích hoạt VNeID"}]""");
        await SendAsync(
            HttpMethod.Put,
            "/api/indicators/vneid/bands",
            """{"validFrom":"2025-01-01","bands":[{"min":50,"color":"green"},{"min":0,"color":"red"}]}"""
        );
        await SendAsync(
            HttpMethod.Put,
            "/api/targets",
            """[{"unitCode":"P.A","indicator":"on-time","period":"2025-H2","target":85,"assignedBy":"P"}]"""
        );
        await SendAsync(
            HttpMethod.Put,
            "/api/indicator-values",
            """[{"indicator":"vneid","unitCode":"P.A","period":"2025-H1","numerator":1,"denominator":2}]"""
        );
        var (revoked, secret) = await CreateKeyAsync("to revoke", "analyst", "P.A");
        await SendAsync(HttpMethod.Delete, "/api/keys/" + revoked);

        var mine = await EntriesAsync(Admin, $"?key={id}&limit=1000");
        var keys = await EntriesAsync(Admin, $"?entity=api-key&limit=1000");

        Assert.That(
            mine.Select(e =>
                string.Join(
                    " ",
                    e.GetProperty("entity").GetString(),
                    e.GetProperty("entityKey").GetString(),
                    e.GetProperty("action").GetString()
                )
            ),
            Is.EqualTo(
                new[]
                {
                    "unit P.D create",
                    "procedure 9.1 create",
                    "calendar-day 2031-05-02 create",
                    "calendar-day 2031-05-02 delete",
                    "office-hours province create",
                    "indicator vneid create",
                    "indicator-bands vneid/2025-01-01 create",
                    "target P.A/on-time/2025-H2 create",
                    "indicator-value vneid/P.A/2025-H1 create",
                    $"api-key {revoked} update",
                }
            )
        );
        var revocation = mine[^1];
        Assert.That(
            revocation.GetProperty("before").GetProperty("revokedAt").ValueKind,
            Is.EqualTo(JsonValueKind.Null)
        );
        Assert.That(revocation.GetProperty("after").GetProperty("revokedAt").GetString(), Is.Not.Null);
        Assert.That(
            keys.Any(e =>
                e.GetProperty("entityKey").GetString() == revoked && e.GetProperty("action").GetString() == "create"
            ),
            Is.True
        );
        var all = await Admin.GetStringAsync("/api/audit?limit=1000");
        // The random part follows "sc_{id}_" and may itself contain '_', so it is cut by position.
        var randomPart = secret["sc_".Length..][(revoked.Length + 1)..];
        Assert.That(randomPart, Has.Length.EqualTo(43), "256 bits in unpadded base64url");
        Assert.That(all, Does.Not.Contain(secret).And.Not.Contain(randomPart), "no key secret in the audit");
    }

    [Test]
    public async Task Audit_WhenPaged_ContinuesWhereThePreviousPageEnded()
    {
        for (var i = 0; i < 5; i++)
        {
            var day = $"2032-01-0{i + 1}";
            (
                await Admin.PutAsync(
                    "/api/calendar",
                    ProblemAssert.Json($$"""[{"date":"{{day}}","kind":"holiday","name":"Nghỉ {{i}}"}]""")
                )
            ).EnsureSuccessStatusCode();
        }

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var url =
                "/api/audit?entity=calendar-day&from=2000-01-01&limit=2"
                + (continuation is null ? "" : "&continuation=" + continuation);
            var page = await Admin.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(
                page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entityKey").GetString()!)
            );
            continuation = page.GetProperty("continuation").GetString();
            pages++;
        } while (continuation is not null);

        Assert.That(
            seen.Where(d => d.StartsWith("2032-01-", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "2032-01-01", "2032-01-02", "2032-01-03", "2032-01-04", "2032-01-05" })
        );
        Assert.That(seen, Is.Unique);
        Assert.That(pages, Is.GreaterThanOrEqualTo(3), "five entries, two a page");
    }

    [TestCase("from=yesterday")]
    [TestCase("to=2025-13-01")]
    [TestCase("from=2025-01-01T00:00:00")]
    [TestCase("limit=0")]
    [TestCase("limit=1001")]
    [TestCase("continuation=abc")]
    [TestCase("continuation=-5")]
    [TestCase("entity=dossier")]
    public async Task Audit_WhenAParameterIsBad_Is400(string query)
    {
        await ProblemAssert.IsProblemAsync(await Admin.GetAsync("/api/audit?" + query), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Audit_ForAKeyLimitedToAUnit_ShowsOnlyEntriesOfItsSubtree()
    {
        (
            await Admin.PutAsync(
                "/api/targets",
                ProblemAssert.Json(
                    """
                    [{"unitCode":"P.B","indicator":"on-time","period":"2026-H2","target":80,"assignedBy":"P"},
                     {"unitCode":"P.A.1","indicator":"on-time","period":"2026-H2","target":80,"assignedBy":"P"}]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        var (_, key) = await CreateKeyAsync("district A admin", "admin", "P.A");
        using var scoped = Factory.ClientWithKey(key);

        var entries = await EntriesAsync(scoped, "?limit=1000");

        Assert.That(entries, Is.Not.Empty);
        Assert.That(
            entries.Select(e => e.GetProperty("unitCode").GetString()),
            Is.All.AnyOf("P.A", "P.A.1"),
            "units of P.A's subtree only; province-wide reference data has no unit and is not shown"
        );
        Assert.That(entries.Any(e => e.GetProperty("entityKey").GetString() == "P.A.1/on-time/2026-H2"), Is.True);
    }

    [Test]
    public async Task Audit_ForAnAnalystKey_Is403()
    {
        var (_, key) = await CreateKeyAsync("analyst", "analyst");
        using var analyst = Factory.ClientWithKey(key);

        await ProblemAssert.IsProblemAsync(await analyst.GetAsync("/api/audit"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Routes_NoneWritesTheAuditTrail()
    {
        var writes = Factory
            .Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>()
            .Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("audit", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e =>
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? []
            )
            .ToList();

        Assert.That(writes, Is.Not.Empty.And.All.EqualTo("GET"), "the audit's routes (API and feed) only read");
        foreach (var url in new[] { "/api/audit", "/odata/AuditEntries", "/odata/AuditEntries(1)" })
        {
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Patch })
            {
                using var request = new HttpRequestMessage(method, url) { Content = ProblemAssert.Json("[]") };
                var response = await Admin.SendAsync(request);
                Assert.That((int)response.StatusCode, Is.AnyOf(404, 405), $"{method} {url}");
            }
        }
    }

    [Test]
    public async Task Database_WhenAnEntryIsUpdatedOrDeleted_Refuses()
    {
        await using var connection = await Factory
            .Services.GetRequiredService<DbConnectionFactory>()
            .OpenAsync(CancellationToken.None);

        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entries"), Is.Positive);
        Assert.That(
            async () => await connection.ExecuteAsync("UPDATE audit_entries SET key_name = 'someone else'"),
            Throws.InstanceOf<System.Data.Common.DbException>()
        );
        Assert.That(
            async () => await connection.ExecuteAsync("DELETE FROM audit_entries"),
            Throws.InstanceOf<System.Data.Common.DbException>()
        );
    }

    [Test]
    public async Task AuditEntriesFeed_ForAdmins_FiltersInTheDatabaseAndKeepsAScopedKeyToItsSubtree()
    {
        (
            await Admin.PutAsync(
                "/api/targets",
                ProblemAssert.Json(
                    """[{"unitCode":"P.B","indicator":"on-time","period":"2027-H1","target":70,"assignedBy":"P"}]"""
                )
            )
        ).EnsureSuccessStatusCode();
        var (_, key) = await CreateKeyAsync("district A feed admin", "admin", "P.A");
        using var scoped = Factory.ClientWithKey(key);

        var units = await Admin.GetFromJsonAsync<JsonElement>(
            "/odata/AuditEntries?$filter=Entity eq 'unit' and Action eq 'create'&$select=EntityKey&$orderby=Id"
        );
        var mine = await scoped.GetFromJsonAsync<JsonElement>("/odata/AuditEntries?$select=UnitCode");

        Assert.That(
            units.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("EntityKey").GetString()).Take(4),
            Is.EqualTo(new[] { "P", "P.A", "P.A.1", "P.B" })
        );
        Assert.That(
            mine.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("UnitCode").GetString()),
            Is.Not.Empty.And.All.AnyOf("P.A", "P.A.1")
        );
    }
}
