using Scorecard.Domain.Bands;
using Scorecard.Domain.Indicators;

namespace Scorecard.Infrastructure.Indicators;

/// <summary>The seven built-in indicators with the SPEC §6 score weights and default bands.</summary>
public static class IndicatorDefaults
{
    private static readonly DateOnly Since = new(2020, 1, 1);

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        BuiltIn("on-time", "Hồ sơ giải quyết đúng hạn (on-time resolution)", 20, 100, (90, "green"), (80, "yellow"), (70, "orange"), (0, "red")),
        BuiltIn("online-submission", "Hồ sơ nộp trực tuyến (online submission)", 6, 50, (50, "green"), (0, "red")),
        BuiltIn("online-payment", "Thanh toán trực tuyến (online payment)", 6, 100, (25, "green"), (0, "red")),
        BuiltIn("digitisation", "Số hóa hồ sơ (digitisation)", 4, 80, (80, "green"), (50, "yellow"), (0, "red")),
        BuiltIn("e-result", "Cấp kết quả điện tử (electronic results)", 6, 100, (80, "green"), (50, "yellow"), (0, "red")),
        BuiltIn("population-db", "Khai thác CSDL quốc gia về dân cư (population database use)", 2, 100, (80, "green"), (50, "yellow"), (0, "red")),
        BuiltIn("online-service", "Dịch vụ công trực tuyến tích hợp Cổng DVC quốc gia (integrated online services)", 2, 80, (50, "green"), (0, "red")),
    ];

    private static IndicatorDefinition BuiltIn(string code, string name, decimal maxPoints, decimal fullAt, params (decimal Min, string Color)[] bands) =>
        new(code, name, IndicatorKind.BuiltIn, null, maxPoints, fullAt, [new BandScale(Since, [.. bands.Select(b => new Band(b.Min, b.Color))])]);
}
