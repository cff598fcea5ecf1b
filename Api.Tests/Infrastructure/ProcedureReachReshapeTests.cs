using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Domain.Periods;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// The procedure reach a unit's ancestors keep follows the unit tree: two April 2025 dossiers of the district-level
/// procedure 1.000002 (a fee) received at the commune P.A.1, one paid online, one with VNeID, count for the district
/// P.A (1 procedure paid online, 1 with the population database); once P.A.1 is moved under P.B they count for P.B
/// and no longer for P.A.
/// </summary>
public sealed class ProcedureReachReshapeTests : ApiFixture
{
    private static readonly Period April = Period.Month(2025, 4);

    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await TestProvince.PostAsync(
                Admin,
                Received("R1", vneid: false),
                new
                {
                    id = "R1-p",
                    dossierCode = "R1",
                    type = "paid",
                    at = "2025-04-07T09:00:00+07:00",
                    method = "online",
                    amount = 50_000,
                    via = "portal",
                },
                Received("R2", vneid: true)
            )
        ).EnsureSuccessStatusCode();
    }

    [Test]
    public async Task Reach_WhenTheCommuneMovesToAnotherDistrict_CountsForTheNewDistrict()
    {
        Assert.That(await ReachAsync("P.A"), Is.EqualTo(new ProcedureReach(1, 1)));
        Assert.That(await ReachAsync("P.B"), Is.EqualTo(default(ProcedureReach)));

        (
            await Admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """
                    [{"code":"P.A.1","name":"Xã A1","level":"commune","kind":"locality","parentCode":"P.B"}]
                    """
                )
            )
        ).EnsureSuccessStatusCode();

        Assert.That(await ReachAsync("P.B"), Is.EqualTo(new ProcedureReach(1, 1)));
        Assert.That(await ReachAsync("P.A"), Is.EqualTo(default(ProcedureReach)));
    }

    private async Task<ProcedureReach> ReachAsync(string unitCode)
    {
        await using var connection = await Factory.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id FROM units WHERE code = '{unitCode}'";
        var id = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return await Factory
            .Services.GetRequiredService<ProcedureReachQuery>()
            .ForUnitAsync(id, April.Start, April.End, default);
    }

    private static object Received(string code, bool vneid) =>
        new
        {
            id = code + "-r",
            dossierCode = code,
            type = "received",
            at = "2025-04-07T08:00:00+07:00",
            procedureCode = "1.000002",
            unitCode = "P.A.1",
            channel = "online",
            vneidAuthenticated = vneid,
        };
}
