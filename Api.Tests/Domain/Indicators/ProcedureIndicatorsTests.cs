using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;

namespace Scorecard.Api.Tests.Domain.Indicators;

public sealed class ProcedureIndicatorsTests
{
    [Test]
    public void OnlineServiceRatio_WhenMixedCatalogue_CountsOnlineAndIntegrated()
    {
        Procedure[] procedures =
        [
            new ProcedureBuilder().Online(OnlineService.Full).Build(), // counts
            new ProcedureBuilder().Online(OnlineService.Partial).Build(), // counts
            // online but not on the national portal
            new ProcedureBuilder()
                .Online(OnlineService.Full)
                .NotIntegrated()
                .Build(),
            new ProcedureBuilder().Online(OnlineService.None).Build(),
            new ProcedureBuilder().AtLevel(UnitLevel.Commune).Build(), // another level
        ];

        // District level: 2 of 4 = 50 %; all levels: 3 of 5.
        Assert.That(
            ProcedureIndicators.OnlineServiceRatio(procedures, UnitLevel.District),
            Is.EqualTo(new Ratio(2, 4))
        );
        Assert.That(ProcedureIndicators.OnlineServiceRatio(procedures, UnitLevel.District).Percent, Is.EqualTo(50m));
        Assert.That(ProcedureIndicators.OnlineServiceRatio(procedures), Is.EqualTo(new Ratio(3, 5)));
        Assert.That(ProcedureIndicators.OnlineServiceRatio([], UnitLevel.Province).Percent, Is.Null);
    }
}
