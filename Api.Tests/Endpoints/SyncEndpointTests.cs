using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// The national sync body. One dossier's life, hand-worked: received Mon 2025-03-03 08:00 (Vietnam time) online,
/// promised Thu 06 08:00; a supplement asked Tue 04 09:00 and supplied Wed 05 09:00 with the promise moved to
/// Fri 07 08:00; handled Thu 06 15:00; the result (an electronic file) returned Fri 07 10:00. As five snapshots,
/// each the dossier's state at one of those moments; as events, the six events those moments are.
/// </summary>
public sealed class SyncEndpointTests : ApiFixture
{
    private HttpClient integratorA = null!;

    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await Admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """
                    [
                      {"code":"P.A.1","name":"Xã A1","level":"commune","kind":"locality","parentCode":"P.A",
                          "externalIds":{"qcvn102":"000.01.01.H99"}},
                      {"code":"P.A.2","name":"Xã A2","level":"commune","kind":"locality","parentCode":"P.A",
                          "externalIds":{"qcvn102":"000.01.02.H99"}},
                      {"code":"P.B","name":"Huyện B","level":"district","kind":"locality","parentCode":"P",
                          "externalIds":{"qcvn102":"000.02.00.H99"}}
                    ]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        var created = await (
            await Admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "A",
                    role = "integrator",
                    unitCode = "P.A",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        integratorA = Factory.ClientWithKey(created.GetProperty("key").GetString());
    }

    [OneTimeTearDown]
    public void Stop() => integratorA.Dispose();

    /// <summary>The dossier <paramref name="code"/> at stage 1 (received) to 5 (returned).</summary>
    private static Dictionary<string, object> Snapshot(string code, int stage)
    {
        var snapshot = new Dictionary<string, object>
        {
            ["MaHoSo"] = code,
            ["MaTTHC"] = "1.000001",
            ["NgayTiepNhan"] = "20250303080000",
            ["NgayHenTra"] = stage >= 3 ? "20250307080000" : "20250306080000",
            ["NgayTra"] = stage == 5 ? "20250307100000" : "",
            ["NgayKetThucXuLy"] = stage >= 4 ? "20250306150000" : "",
            ["TrangThaiHoSo"] = stage switch
            {
                1 => "2",
                2 => "5",
                3 => "4",
                4 => "9",
                _ => "10",
            },
            ["KenhThucHien"] = 2,
            ["DonViXuLy"] = "UBND xã A2",
            ["HoSoCoThanhPhanSoHoa"] = 1,
            ["TaiKhoanDuocXacThucVoiVNeID"] = "1",
            ["DanhSachHoSoBoSung"] =
                stage < 2 ? Array.Empty<object>()
                : stage == 2 ? [new { NgayBoSung = "20250304090000", NgayHenTraTruoc = "20250306080000" }]
                :
                [
                    new
                    {
                        NgayBoSung = "20250304090000",
                        NgayTiepNhanBoSung = "20250305090000",
                        NgayHenTraTruoc = "20250306080000",
                        NgayHenTraMoi = "20250307080000",
                    },
                ],
            ["DanhSachGiayToKetQua"] =
                stage == 5
                    ? [new { TenGiayTo = "Giấy khai sinh", DuongDanTepTinKetQua = "https://x/kq.pdf" }]
                    : Array.Empty<object>(),
        };
        return snapshot;
    }

    private static object[] Events(string code) =>
        [
            new
            {
                id = code + "-1",
                dossierCode = code,
                type = "received",
                at = "2025-03-03T08:00:00+07:00",
                procedureCode = "1.000001",
                unitCode = "P.A.1",
                channel = "online",
                dueAt = "2025-03-06T08:00:00+07:00",
                digitised = true,
                vneidAuthenticated = true,
            },
            new
            {
                id = code + "-2",
                dossierCode = code,
                type = "supplement-requested",
                at = "2025-03-04T09:00:00+07:00",
            },
            new
            {
                id = code + "-3",
                dossierCode = code,
                type = "supplement-completed",
                at = "2025-03-05T09:00:00+07:00",
                dueAt = "2025-03-07T08:00:00+07:00",
            },
            new
            {
                id = code + "-4",
                dossierCode = code,
                type = "resolved",
                at = "2025-03-06T15:00:00+07:00",
            },
            new
            {
                id = code + "-5",
                dossierCode = code,
                type = "returned",
                at = "2025-03-07T10:00:00+07:00",
                electronicResult = true,
            },
        ];

    private static Task<HttpResponseMessage> SyncAsync(HttpClient client, string query, params object[] data) =>
        client.PostAsJsonAsync(
            "/api/sync/dossiers" + query,
            new
            {
                service = "DongBoHoSoMC",
                isUpdating = false,
                data,
            }
        );

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The folded dossier without what names it (code, unit).</summary>
    private async Task<string> DossierAsync(string code)
    {
        var view = await OkAsync(await Admin.GetAsync($"/api/dossiers/{code}"));
        var fields = view.EnumerateObject()
            .Where(p => p.Name is not ("code" or "unitCode"))
            .Select(p => $"{p.Name}={p.Value.GetRawText()}");
        return string.Join("\n", fields);
    }

    [Test]
    public async Task Post_WhenALifeArrivesAsFiveSnapshots_FoldsAsTheEquivalentEventsDo()
    {
        (await TestProvince.PostAsync(Admin, Events("EV-1"))).EnsureSuccessStatusCode();
        for (var stage = 1; stage <= 5; stage++)
        {
            var result = await OkAsync(await SyncAsync(Admin, "?MaDinhDanhDV=000.01.02.H99", Snapshot("SN-1", stage)));
            Assert.That(result.GetProperty("rejected").GetInt32(), Is.Zero, result.ToString());
        }

        var events = await DossierAsync("EV-1");
        Assert.That(await DossierAsync("SN-1"), Is.EqualTo(events));
        Assert.That(events, Does.Contain("status=\"resolved\"").And.Contain("timeliness=\"early\""));
        Assert.That(events, Does.Contain("supplementCount=1"));
        Assert.That(events, Does.Contain("electronicResult=true"));
        // The same figures, unit by unit: P.A.1 holds the events' dossier, P.A.2 the snapshots'.
        var one = await OkAsync(await Admin.GetAsync("/api/scorecards/P.A.1?period=2025-03&scope=self"));
        var two = await OkAsync(await Admin.GetAsync("/api/scorecards/P.A.2?period=2025-03&scope=self"));
        Assert.That(two.GetProperty("indicators").GetRawText(), Is.EqualTo(one.GetProperty("indicators").GetRawText()));
    }

    [Test]
    public async Task Post_WhenSnapshotsComeShuffledAndRepeated_GiveTheSameDossier()
    {
        foreach (var stage in new[] { 1, 2, 3, 4, 5 })
        {
            await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", Snapshot("SH-1", stage)));
        }

        foreach (var stage in new[] { 5, 3, 5, 1, 4, 2, 3 })
        {
            await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", Snapshot("SH-2", stage)));
        }

        var oneRequest = await OkAsync(
            await SyncAsync(
                Admin,
                "?unitCode=P.A.2",
                Snapshot("SH-3", 4),
                Snapshot("SH-3", 2),
                Snapshot("SH-3", 5),
                Snapshot("SH-3", 1),
                Snapshot("SH-3", 3),
                Snapshot("SH-3", 4)
            )
        );
        var again = await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", Snapshot("SH-3", 5), Snapshot("SH-3", 1)));

        Assert.That(oneRequest.GetProperty("rejected").GetInt32(), Is.Zero, oneRequest.ToString());
        Assert.That(again.GetProperty("events").GetInt32(), Is.Zero);
        Assert.That(again.GetProperty("unchanged").GetInt32(), Is.EqualTo(2));
        var first = await DossierAsync("SH-1");
        Assert.That(await DossierAsync("SH-2"), Is.EqualTo(first));
        Assert.That(await DossierAsync("SH-3"), Is.EqualTo(first));
    }

    [Test]
    public async Task Post_WhenNgayHenTraMovesWithASupplement_MovesTheDeadline()
    {
        await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", Snapshot("MV-1", 1)));
        await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", Snapshot("MV-1", 3)));

        var view = await OkAsync(await Admin.GetAsync("/api/dossiers/MV-1"));
        // Promised Fri 07 08:00 with the supplement (the pause it follows is already in it).
        Assert.That(view.GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(At("2025-03-07T08:00:00+07:00")));
        Assert.That(view.GetProperty("apologyDueAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Post_WhenNgayHenTraMovesWithoutASupplement_IsAnApologyThatKeepsTheDeadline()
    {
        await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", Snapshot("AP-1", 1)));
        var later = Snapshot("AP-1", 1);
        later["TrangThaiHoSo"] = "4";
        later["NgayHenTra"] = "20250310080000";

        var result = await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", later));

        Assert.That(result.GetProperty("results")[0].GetProperty("events")[0].GetString(), Is.EqualTo("due-changed"));
        var view = await OkAsync(await Admin.GetAsync("/api/dossiers/AP-1"));
        // Still judged against Thu 06 08:00; Mon 10 08:00 is shown as the date promised with an apology.
        Assert.That(view.GetProperty("dueAt").GetDateTimeOffset(), Is.EqualTo(At("2025-03-06T08:00:00+07:00")));
        Assert.That(view.GetProperty("apologyDueAt").GetDateTimeOffset(), Is.EqualTo(At("2025-03-10T08:00:00+07:00")));
        var events = await OkAsync(await Admin.GetAsync("/api/dossiers/AP-1/events"));
        Assert.That(events.GetRawText(), Does.Contain("\"apology\""));
    }

    [Test]
    public async Task Post_WhenAStatusCodeIsUnmapped_RejectsThatDossierNamingTheCode()
    {
        var unmapped = Snapshot("UM-1", 1);
        unmapped["TrangThaiHoSo"] = "99";

        var lone = await SyncAsync(Admin, "?unitCode=P.A.2", unmapped);
        var mixed = await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", unmapped, Snapshot("UM-2", 1)));

        var problem = await ProblemAssert.IsProblemAsync(lone, HttpStatusCode.BadRequest);
        Assert.That(
            problem.GetProperty("errors").GetProperty("data[0].TrangThaiHoSo")[0].GetString(),
            Does.Contain("'99'")
        );
        var rejected = mixed.GetProperty("results")[0];
        Assert.That(rejected.GetProperty("outcome").GetString(), Is.EqualTo("rejected"));
        Assert.That(rejected.GetProperty("errors")[0].GetProperty("field").GetString(), Is.EqualTo("TrangThaiHoSo"));
        Assert.That(mixed.GetProperty("results")[1].GetProperty("outcome").GetString(), Is.EqualTo("accepted"));
        Assert.That((await Admin.GetAsync("/api/dossiers/UM-1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Post_WhenMaDinhDanhDVIsUnknown_Is400NamingIt()
    {
        var response = await SyncAsync(Admin, "?MaDinhDanhDV=000.99.99.H99", Snapshot("UK-1", 1));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(
            problem.GetProperty("detail").GetString(),
            Does.Contain("MaDinhDanhDV").And.Contain("000.99.99.H99")
        );
        Assert.That((await Admin.GetAsync("/api/dossiers/UK-1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Post_WhenAScopedIntegratorSendsAnotherSubtreesDossier_Is403AndStoresNothing()
    {
        var own = Snapshot("SC-1", 1);
        own["MaDinhDanhDV"] = "000.01.02.H99";
        var other = Snapshot("SC-2", 1);
        other["MaDinhDanhDV"] = "000.02.00.H99";

        var response = await SyncAsync(integratorA, "", own, other);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'P.B'"));
        Assert.That((await Admin.GetAsync("/api/dossiers/SC-1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Admin.GetAsync("/api/dossiers/SC-2")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("NgayTiepNhan", "2025-03-03")]
    [TestCase("NgayHenTra", "20250230080000")]
    [TestCase("NgayKetThucXuLy", "2025-03-06 15:00")]
    public async Task Post_WhenATimeIsMalformed_RejectsTheDossierNamingTheField(string field, string value)
    {
        var snapshot = Snapshot("MF-" + field, 4);
        snapshot[field] = value;

        var response = await SyncAsync(Admin, "?unitCode=P.A.2", snapshot);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(
            problem.GetProperty("errors").TryGetProperty($"data[0].{field}", out _),
            Is.True,
            problem.ToString()
        );
    }

    [TestCase("-1e30")]
    [TestCase("1.5")]
    [TestCase("\"năm mươi\"")]
    [TestCase("1e13")]
    public async Task Post_WhenAFeeIsNotAWholeNumberOfDong_RejectsNamingDanhSachLePhi(string gia)
    {
        var body = $$"""
            {"service":"DongBoHoSoMC","data":[{"MaHoSo":"FEE-1","MaTTHC":"1.000002","NgayTiepNhan":"20250303080000",
            "TrangThaiHoSo":"2","KenhThucHien":1,"DanhSachLePhi":[{"Gia":{{gia}}}]}]}
            """;

        var response = await Admin.PostAsync("/api/sync/dossiers?unitCode=P.A.2", ProblemAssert.Json(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("data[0].DanhSachLePhi", out _), Is.True);
    }

    [Test]
    public async Task Post_WhenTimesAreIsoWithAnOffset_ReadsThemAsTheSameInstants()
    {
        var snapshot = Snapshot("ISO-1", 1);
        snapshot["NgayTiepNhan"] = "2025-03-03T01:00:00Z";
        snapshot["NgayHenTra"] = "2025-03-06T08:00:00+07:00";

        await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", snapshot));

        var view = await OkAsync(await Admin.GetAsync("/api/dossiers/ISO-1"));
        Assert.That(view.GetProperty("receivedAt").GetDateTimeOffset(), Is.EqualTo(At("2025-03-03T08:00:00+07:00")));
    }

    [Test]
    public async Task Post_WhenAStatusUpdateEndsTheDossier_StoresTheEnd()
    {
        await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", Snapshot("ST-1", 1)));

        var update = await OkAsync(
            await Admin.PostAsJsonAsync(
                "/api/sync/dossiers",
                new
                {
                    service = "CapNhatTienDoHoSoMC",
                    data = new[]
                    {
                        new
                        {
                            MaHoSo = "ST-1",
                            TrangThai = "9",
                            ThoiDiemXuLy = "20250305160000",
                            NoiDungXuLy = "Đã xử lý xong",
                        },
                    },
                }
            )
        );

        Assert.That(update.GetProperty("results")[0].GetProperty("events")[0].GetString(), Is.EqualTo("resolved"));
        var view = await OkAsync(await Admin.GetAsync("/api/dossiers/ST-1"));
        Assert.That(view.GetProperty("finishedAt").GetDateTimeOffset(), Is.EqualTo(At("2025-03-05T16:00:00+07:00")));
    }

    [Test]
    public async Task PutStatusMappings_WhenASourceMapsItsOwnCodes_SnapshotsUseThem()
    {
        var put = await Admin.PutAsJsonAsync(
            "/api/sync/status-mappings",
            new
            {
                source = "bootstrap",
                statuses = new[]
                {
                    new { code = "DA_TIEP_NHAN", meaning = "received" },
                    new { code = "DA_TRA_KQ", meaning = "returned" },
                },
            }
        );
        put.EnsureSuccessStatusCode();
        var snapshot = Snapshot("MAP-1", 1);
        snapshot["TrangThaiHoSo"] = "DA_TIEP_NHAN";
        try
        {
            var result = await OkAsync(await SyncAsync(Admin, "?unitCode=P.A.2", snapshot));
            var mapping = await OkAsync(await Admin.GetAsync("/api/sync/status-mappings"));

            Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(1));
            Assert.That(mapping.GetProperty("isDefault").GetBoolean(), Is.False);
            Assert.That(mapping.GetProperty("statuses").GetArrayLength(), Is.EqualTo(2));
        }
        finally
        {
            var codes = Enumerable
                .Range(1, 10)
                .Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var meanings = new[]
            {
                "submitted",
                "received",
                "refused",
                "processing",
                "awaiting-supplement",
                "awaiting-payment",
                "withdrawn",
                "stopped",
                "resolved",
                "returned",
            };
            (
                await Admin.PutAsJsonAsync(
                    "/api/sync/status-mappings",
                    new
                    {
                        source = "bootstrap",
                        statuses = codes.Zip(meanings, (code, meaning) => new { code, meaning }).ToArray(),
                    }
                )
            ).EnsureSuccessStatusCode();
        }
    }

    [Test]
    public async Task PutStatusMappings_WhenAMeaningIsUnknown_Is400NamingTheItem()
    {
        var response = await Admin.PutAsJsonAsync(
            "/api/sync/status-mappings",
            new { source = "x", statuses = new[] { new { code = "1", meaning = "done" } } }
        );

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("statuses[0].meaning", out _), Is.True);
    }

    [Test]
    public async Task Post_WhenMoreThan500Dossiers_Is413()
    {
        var data = Enumerable.Range(0, 501).Select(i => (object)Snapshot($"BIG-{i}", 1)).ToArray();

        var response = await SyncAsync(Admin, "?unitCode=P.A.2", data);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static DateTimeOffset At(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
