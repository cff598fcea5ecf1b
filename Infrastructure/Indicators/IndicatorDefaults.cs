using Scorecard.Domain.Bands;
using Scorecard.Domain.Indicators;

namespace Scorecard.Infrastructure.Indicators;

/// <summary>The seven built-in indicators with the default score weights and default bands.</summary>
public static class IndicatorDefaults
{
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        BuiltIn(IndicatorCodes.OnTime, "Hồ sơ giải quyết đúng hạn (on-time resolution)", 20, 100),
        BuiltIn(IndicatorCodes.OnlineSubmission, "Hồ sơ nộp trực tuyến (online submission)", 6, 50),
        BuiltIn(IndicatorCodes.OnlinePayment, "Thanh toán trực tuyến (online payment)", 6, 100),
        BuiltIn(IndicatorCodes.Digitisation, "Số hóa hồ sơ (digitisation)", 4, 80),
        BuiltIn(IndicatorCodes.EResult, "Cấp kết quả điện tử (electronic results)", 6, 100),
        BuiltIn(IndicatorCodes.PopulationDb, "Khai thác CSDL quốc gia về dân cư (population database use)", 2, 100),
        BuiltIn(
            IndicatorCodes.OnlineService,
            "Dịch vụ công trực tuyến tích hợp Cổng DVC quốc gia (integrated online services)",
            2,
            80
        ),
    ];

    private static IndicatorDefinition BuiltIn(string code, string name, decimal maxPoints, decimal fullAt) =>
        new(code, name, IndicatorKind.BuiltIn, null, maxPoints, fullAt, DefaultBands.For(code)!.Scales);
}
