using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// Every route the application maps, classified: SecurityMatrixTests fails when a route appears that
/// this table does not list, so a new route cannot ship without saying who may use it.
/// </summary>
internal static class SecurityMatrix
{
    public static readonly IReadOnlyDictionary<string, MatrixRoute> Routes = new Dictionary<string, MatrixRoute>(
        StringComparer.Ordinal
    )
    {
        ["GET /health/live"] = new("/health/live", Access.Open),
        ["GET /health/ready"] = new("/health/ready", Access.Open),

        ["GET /api/units"] = new("/api/units", Access.Read)
        {
            Scoped = ScopedRead.Rows,
            Units = Array("code"),
            Public = true,
        },
        ["GET /api/units/{code}"] = new("/api/units/P.B.1", Access.Read)
        {
            Public = true,
            Scoped = ScopedRead.Forbidden,
            Unit = "P.B.1",
        },
        ["PUT /api/units"] = new("/api/units", Access.Admin)
        {
            Body = _ => """[{"code":"P.B.9","name":"Xã B9","level":"commune","kind":"locality","parentCode":"P.B"}]""",
        },
        ["GET /api/procedures"] = new("/api/procedures", Access.Read),
        ["GET /api/procedures/{code}"] = new("/api/procedures/1.000002", Access.Read),
        ["PUT /api/procedures"] = new("/api/procedures", Access.Admin)
        {
            Body = _ =>
                """[{"code":"9.000001","name":"Thử","field":"Thử","level":"district","onlineService":"none"}]""",
        },
        ["GET /api/calendar"] = new("/api/calendar?from=2025-01-01&to=2025-12-31", Access.Read),
        ["PUT /api/calendar"] = new("/api/calendar", Access.Admin)
        {
            Body = _ => """[{"date":"2031-05-02","kind":"holiday","name":"Nghỉ bù"}]""",
        },
        ["GET /api/calendar/office-hours"] = new("/api/calendar/office-hours", Access.Read),
        ["PUT /api/calendar/office-hours"] = new("/api/calendar/office-hours", Access.Admin)
        {
            Body = _ =>
                """
                    [{"validFrom":"2000-01-01","periods":[{"start":"07:30","end":"11:30"},{"start":"13:00",
                    "end":"17:00"}],"sameDayCutoff":"15:00"}]
                    """,
            Success = System.Net.HttpStatusCode.NoContent,
        },
        ["DELETE /api/calendar/{date}"] = new("/api/calendar/2031-06-02", Access.Admin)
        {
            Success = HttpStatusCode.NoContent,
            Prepare = async admin =>
            {
                (
                    await admin.PutAsJsonAsync(
                        "/api/calendar",
                        new[]
                        {
                            new
                            {
                                date = "2031-06-02",
                                kind = "holiday",
                                name = "Nghỉ",
                            },
                        }
                    )
                ).EnsureSuccessStatusCode();
                return "/api/calendar/2031-06-02";
            },
        },
        ["GET /api/indicators"] = new("/api/indicators", Access.Read) { Public = true },
        ["GET /api/indicators/{code}"] = new("/api/indicators/on-time", Access.Read) { Public = true },
        ["GET /api/labels"] = new("/api/labels", Access.Read) { Public = true },
        ["PUT /api/indicators"] = new("/api/indicators", Access.Admin)
        {
            Body = _ => """[{"code":"vneid","name":"Kích hoạt VNeID"}]""",
        },
        ["PUT /api/indicators/{code}/bands"] = new("/api/indicators/vneid/bands", Access.Admin)
        {
            Body = _ => """{"validFrom":"2025-01-01","bands":[{"min":50,"color":"green"},{"min":0,"color":"red"}]}""",
        },
        ["POST /api/keys"] = new("/api/keys", Access.Admin)
        {
            Body = _ => """{"name":"matrix","role":"analyst"}""",
            Success = HttpStatusCode.Created,
            ScopedAdmin = ScopedWrite.Allowed,
        },
        ["GET /api/keys"] = new("/api/keys", Access.Admin) { ScopedAdmin = ScopedWrite.Allowed },
        ["DELETE /api/keys/{id}"] = new("/api/keys/abcdefghijkl", Access.Admin)
        {
            Success = HttpStatusCode.NoContent,
            ScopedAdmin = ScopedWrite.Allowed,
            Prepare = async admin =>
            {
                var created = await (
                    await admin.PostAsJsonAsync(
                        "/api/keys",
                        new
                        {
                            name = "to revoke",
                            role = "analyst",
                            unitCode = "P.A.1",
                        }
                    )
                ).Content.ReadFromJsonAsync<JsonElement>();
                return "/api/keys/" + created.GetProperty("id").GetString();
            },
        },
        ["POST /api/dossier-events"] = new("/api/dossier-events", Access.Ingest)
        {
            Unit = "P.B",
            Body = n =>
                $$"""
                    {"events":[{"id":"m-{{n}}","dossierCode":"M-{{n}}","type":"received",
                    "at":"2025-03-03T08:00:00+07:00","procedureCode":"1.000002","unitCode":"P.B","channel":"direct"}]}
                    """,
        },
        ["POST /api/sync/dossiers"] = new("/api/sync/dossiers?unitCode=P.B", Access.Ingest)
        {
            Unit = "P.B",
            Body = n =>
                $$"""
                    {"service":"DongBoHoSoMC","isUpdating":false,"data":[{"MaHoSo":"SY-{{n}}","MaTTHC":"1.000002",
                    "NgayTiepNhan":"20250303080000","NgayHenTra":"","TrangThaiHoSo":"2","KenhThucHien":1}]}
                    """,
        },
        ["GET /api/sync/status-mappings"] = new("/api/sync/status-mappings", Access.Read),
        ["PUT /api/sync/status-mappings"] = new("/api/sync/status-mappings", Access.Admin)
        {
            Body = _ => """{"source":"matrix","statuses":[{"code":"1","meaning":"received"}]}""",
        },
        ["GET /api/dossiers/{code}"] = new("/api/dossiers/B-1", Access.Read)
        {
            Scoped = ScopedRead.Hidden,
            Unit = "P.B.1",
        },
        ["GET /api/dossiers/{code}/events"] = new("/api/dossiers/B-1/events", Access.Read)
        {
            Scoped = ScopedRead.Hidden,
            Unit = "P.B.1",
        },
        ["GET /api/index/{unitCode}"] = new("/api/index/P.B?period=2025", Access.Read)
        {
            Public = true,
            Scoped = ScopedRead.Forbidden,
            Unit = "P.B",
        },
        // Not public: it points at the dossiers behind the figures.
        ["GET /api/index/{unitCode}/points-lost"] = new("/api/index/P.B/points-lost?period=2025", Access.Read)
        {
            Scoped = ScopedRead.Forbidden,
            Unit = "P.B",
        },
        ["GET /api/index-definition"] = new("/api/index-definition", Access.Read) { Public = true },
        ["GET /api/publications"] = new("/api/publications", Access.Read),
        ["POST /api/publications"] = new("/api/publications", Access.Admin)
        {
            Body = _ => """{"unitCode":"P.B","period":"2025-01"}""",
            Success = HttpStatusCode.Created,
            ScopedAdmin = ScopedWrite.Forbidden,
            Unit = "P.B",
        },
        ["PUT /api/index-definition"] = new("/api/index-definition", Access.Admin)
        {
            Body = _ =>
                """
                    {"validFrom":"2030-01-01","groups":[{"code":"progress","name":"Tiến độ","subIndicators":[
                    {"code":"2.1","name":"Đúng hạn","indicator":"on-time","maxPoints":100,"threshold":100}]}]}
                    """,
        },
        ["GET /api/scorecards/{unitCode}"] = new("/api/scorecards/P.B?period=2025", Access.Read)
        {
            Public = true,
            Scoped = ScopedRead.Forbidden,
            Unit = "P.B",
        },
        ["GET /api/map"] = new("/api/map?indicator=on-time&period=2025&level=commune&parentCode=P.B", Access.Read)
        {
            Public = true,
            Scoped = ScopedRead.Forbidden,
            Unit = "P.B",
        },
        ["GET /api/rankings"] = new("/api/rankings?period=2025&level=commune&parentCode=P.B", Access.Read)
        {
            Public = true,
            Scoped = ScopedRead.Forbidden,
            Unit = "P.B",
        },
        ["GET /api/series"] = new(
            "/api/series?unitCode=P.B&indicator=on-time&from=2025-03-01&to=2025-03-31",
            Access.Read
        )
        {
            Public = true,
            Scoped = ScopedRead.Forbidden,
            Unit = "P.B",
        },
        ["GET /api/targets"] = new("/api/targets", Access.Read) { Scoped = ScopedRead.Rows, Units = Array("unitCode") },
        ["PUT /api/targets"] = new("/api/targets", Access.Admin)
        {
            ScopedAdmin = ScopedWrite.Forbidden,
            Unit = "P.B",
            Body = _ =>
                """[{"unitCode":"P.B","indicator":"on-time","period":"2025-H2","target":85,"assignedBy":"P"}]""",
        },
        ["PUT /api/indicator-values"] = new("/api/indicator-values", Access.Admin)
        {
            ScopedAdmin = ScopedWrite.Forbidden,
            Unit = "P.B",
            Body = _ => """[{"indicator":"vneid","unitCode":"P.B","period":"2025-H1","numerator":1,"denominator":2}]""",
        },
        ["GET /api/audit"] = new("/api/audit", Access.Admin) { ScopedAdmin = ScopedWrite.Allowed },

        ["GET /odata"] = new("/odata", Access.Read),
        ["GET /odata/$metadata"] = new("/odata/$metadata", Access.Read),
        ["GET /odata/Units"] = new("/odata/Units", Access.Read) { Scoped = ScopedRead.Rows, Units = Feed("Code") },
        ["GET /odata/Units/$count"] = new("/odata/Units/$count?$filter=startswith(Code,'P.B')", Access.Read)
        {
            Scoped = ScopedRead.Count,
        },
        ["GET /odata/Procedures"] = new("/odata/Procedures", Access.Read),
        ["GET /odata/Procedures/$count"] = new("/odata/Procedures/$count", Access.Read),
        ["GET /odata/Dossiers"] = new("/odata/Dossiers", Access.Read)
        {
            Scoped = ScopedRead.Rows,
            Units = Feed("UnitCode"),
        },
        ["GET /odata/Dossiers/$count"] = new("/odata/Dossiers/$count?$filter=UnitCode eq 'P.B.1'", Access.Read)
        {
            Scoped = ScopedRead.Count,
        },
        ["GET /odata/Indicators"] = new("/odata/Indicators", Access.Read),
        ["GET /odata/Indicators/$count"] = new("/odata/Indicators/$count", Access.Read),
        ["GET /odata/TargetAssignments"] = new("/odata/TargetAssignments", Access.Read)
        {
            Scoped = ScopedRead.Rows,
            Units = Feed("UnitCode"),
        },
        ["GET /odata/TargetAssignments/$count"] = new(
            "/odata/TargetAssignments/$count?$filter=UnitCode eq 'P.B'",
            Access.Read
        )
        {
            Scoped = ScopedRead.Count,
        },
        ["GET /odata/IndicatorValues"] = new("/odata/IndicatorValues", Access.Read)
        {
            Scoped = ScopedRead.Rows,
            Units = Feed("UnitCode"),
        },
        ["GET /odata/IndexScores"] = new("/odata/IndexScores", Access.Read)
        {
            Scoped = ScopedRead.Rows,
            Units = Feed("UnitCode"),
        },
        ["GET /odata/IndexScores/$count"] = new(
            "/odata/IndexScores/$count?$filter=startswith(UnitCode,'P.B')",
            Access.Read
        )
        {
            Scoped = ScopedRead.Count,
        },
        [$"GET /odata/IndexScores({ScoreKey})"] = FeedRow($"/odata/IndexScores({ScoreRow})"),
        [$"GET /odata/IndexScores/{ScoreKey}"] = FeedRow(
            "/odata/IndexScores/UnitCode='P.B.1',Period='2025-03',Code='index',Structure='as-of'"
        ),
        [$"GET /odata/IndexScores({ScoreKey})/Unit"] = FeedRow($"/odata/IndexScores({ScoreRow})/Unit"),
        [$"GET /odata/IndexScores/{ScoreKey}/Unit"] = FeedRow(
            "/odata/IndexScores/UnitCode='P.B.1',Period='2025-03',Code='index',Structure='as-of'/Unit"
        ),
        ["GET /odata/AuditEntries"] = new("/odata/AuditEntries", Access.Admin) { ScopedAdmin = ScopedWrite.Allowed },
        ["GET /odata/AuditEntries/$count"] = new("/odata/AuditEntries/$count", Access.Admin)
        {
            ScopedAdmin = ScopedWrite.Allowed,
        },
        ["GET /odata/IndicatorValues/$count"] = new(
            "/odata/IndicatorValues/$count?$filter=startswith(UnitCode,'P.B')",
            Access.Read
        )
        {
            Scoped = ScopedRead.Count,
        },

        // A row by its key, and a dossier's unit and procedure: a row of another subtree is answered as a missing one.
        ["GET /odata/Units({key})"] = FeedRow("/odata/Units('P.B.1')"),
        ["GET /odata/Units/{key}"] = FeedRow("/odata/Units/P.B.1"),
        ["GET /odata/Procedures({key})"] = new("/odata/Procedures(Code='1.000002')", Access.Read),
        ["GET /odata/Procedures/{key}"] = new("/odata/Procedures/1.000002", Access.Read),
        ["GET /odata/Indicators({key})"] = new("/odata/Indicators('on-time')", Access.Read),
        ["GET /odata/Indicators/{key}"] = new("/odata/Indicators/on-time", Access.Read),
        ["GET /odata/TargetAssignments({key})"] = FeedRow("/odata/TargetAssignments('P.B%2Fon-time%2F2025-H1')"),
        ["GET /odata/TargetAssignments/{key}"] = FeedRow("/odata/TargetAssignments/P.B%2Fon-time%2F2025-H1"),
        [$"GET /odata/IndicatorValues({ValueKey})"] = FeedRow(
            "/odata/IndicatorValues(Period='2025-03',UnitCode='P.B.1',IndicatorCode='on-time',Structure='as-of')"
        ),
        [$"GET /odata/IndicatorValues/{ValueKey}"] = FeedRow($"/odata/IndicatorValues/{ValueRow}"),
        ["GET /odata/Dossiers(Code={keyCode},Source={keySource})"] = FeedRow(
            "/odata/Dossiers(Source='bootstrap',Code='B-1')"
        ),
        ["GET /odata/Dossiers/Code={keyCode},Source={keySource}"] = FeedRow(
            "/odata/Dossiers/Code='B-1',Source='bootstrap'"
        ),
        ["GET /odata/Dossiers(Code={keyCode},Source={keySource})/Unit"] = FeedRow(
            "/odata/Dossiers(Source='bootstrap',Code='B-1')/Unit"
        ),
        ["GET /odata/Dossiers/Code={keyCode},Source={keySource}/Unit"] = FeedRow(
            "/odata/Dossiers/Code='B-1',Source='bootstrap'/Unit"
        ),
        ["GET /odata/Dossiers(Code={keyCode},Source={keySource})/Procedure"] = FeedRow(
            "/odata/Dossiers(Code='B-1',Source='bootstrap')/Procedure?$select=Name"
        ),
        ["GET /odata/Dossiers/Code={keyCode},Source={keySource}/Procedure"] = FeedRow(
            "/odata/Dossiers/Code='B-1',Source='bootstrap'/Procedure"
        ),
        ["GET /odata/Units({key})/Parent"] = FeedRow("/odata/Units('P.B.1')/Parent"),
        ["GET /odata/Units/{key}/Parent"] = FeedRow("/odata/Units/P.B.1/Parent"),
        ["GET /odata/Units({key})/Children"] = FeedRow("/odata/Units('P.B.1')/Children"),
        ["GET /odata/Units/{key}/Children"] = FeedRow("/odata/Units/P.B.1/Children"),
        ["GET /odata/Units({key})/Children/$count"] = FeedRow("/odata/Units('P.B')/Children/$count"),
        ["GET /odata/Units/{key}/Children/$count"] = FeedRow("/odata/Units/P.B/Children/$count"),
        ["GET /odata/Units({key})/Successors"] = FeedRow("/odata/Units('P.B.1')/Successors"),
        ["GET /odata/Units/{key}/Successors"] = FeedRow("/odata/Units/P.B.1/Successors"),
        ["GET /odata/Units({key})/Successors/$count"] = FeedRow("/odata/Units('P.B')/Successors/$count"),
        ["GET /odata/Units/{key}/Successors/$count"] = FeedRow("/odata/Units/P.B/Successors/$count"),
        ["GET /odata/Units({key})/Dossiers"] = FeedRow("/odata/Units('P.B.1')/Dossiers"),
        ["GET /odata/Units/{key}/Dossiers"] = FeedRow("/odata/Units/P.B.1/Dossiers"),
        ["GET /odata/Units({key})/Dossiers/$count"] = FeedRow("/odata/Units('P.B')/Dossiers/$count"),
        ["GET /odata/Units/{key}/Dossiers/$count"] = FeedRow("/odata/Units/P.B/Dossiers/$count"),
        ["GET /odata/TargetAssignments({key})/Unit"] = FeedRow(
            "/odata/TargetAssignments('P.B%2Fon-time%2F2025-H1')/Unit"
        ),
        ["GET /odata/TargetAssignments/{key}/Unit"] = FeedRow("/odata/TargetAssignments/P.B%2Fon-time%2F2025-H1/Unit"),
        [$"GET /odata/IndicatorValues({ValueKey})/Unit"] = FeedRow($"/odata/IndicatorValues({ValueRow})/Unit"),
        [$"GET /odata/IndicatorValues/{ValueKey}/Unit"] = FeedRow($"/odata/IndicatorValues/{ValueRow}/Unit"),
        ["GET /odata/TargetAssignments({key})/Indicator"] = FeedRow(
            "/odata/TargetAssignments('P.B%2Fon-time%2F2025-H1')/Indicator"
        ),
        ["GET /odata/TargetAssignments/{key}/Indicator"] = FeedRow(
            "/odata/TargetAssignments/P.B%2Fon-time%2F2025-H1/Indicator"
        ),
        [$"GET /odata/IndicatorValues({ValueKey})/Indicator"] = FeedRow(
            $"/odata/IndicatorValues({ValueRow})/Indicator"
        ),
        [$"GET /odata/IndicatorValues/{ValueKey}/Indicator"] = FeedRow($"/odata/IndicatorValues/{ValueRow}/Indicator"),
    };

    private const string ValueKey =
        "UnitCode={keyUnitCode},IndicatorCode={keyIndicatorCode},Period={keyPeriod},Structure={keyStructure}";

    private const string ScoreKey = "UnitCode={keyUnitCode},Period={keyPeriod},Code={keyCode},Structure={keyStructure}";

    private const string ScoreRow = "Period='2025-03',UnitCode='P.B.1',Code='index',Structure='as-of'";

    private const string ValueRow = "UnitCode='P.B.1',IndicatorCode='on-time',Period='2025-03',Structure='as-of'";

    private static MatrixRoute FeedRow(string url) =>
        new(url, Access.Read) { Scoped = ScopedRead.Hidden, HiddenMessage = "lies outside the units this key may see" };

    private static Func<JsonElement, IEnumerable<string>> Array(string property) =>
        json => json.EnumerateArray().Select(row => row.GetProperty(property).GetString()!);

    private static Func<JsonElement, IEnumerable<string>> Feed(string property) =>
        json => json.GetProperty("value").EnumerateArray().Select(row => row.GetProperty(property).GetString()!);
}
