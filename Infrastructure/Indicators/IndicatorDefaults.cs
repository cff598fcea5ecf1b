using Scorecard.Domain.Bands;
using Scorecard.Domain.Index;
using Scorecard.Domain.Indicators;

namespace Scorecard.Infrastructure.Indicators;

/// <summary>
/// The built-in indicators with their default bands; each description says the national formula. Their weight in a
/// score is the national index's (README "The national index"), not theirs.
/// </summary>
public static class IndicatorDefaults
{
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        BuiltIn(
            IndicatorCodes.OnTime,
            "Hồ sơ giải quyết đúng hạn (on-time resolution)",
            "2.1: dossiers ended in time, or still within time, ÷ dossiers received in the period or still open "
                + "when it began."
        ),
        BuiltIn(
            IndicatorCodes.OnlineSubmission,
            "Hồ sơ nộp trực tuyến (online submission)",
            "3.3: dossiers received online (for a paper-result procedure, only with an electronic result) ÷ "
                + "dossiers received."
        ),
        BuiltIn(
            IndicatorCodes.OnlinePayment,
            "Thanh toán trực tuyến (online payment)",
            "3.6: dossiers paid online ÷ dossiers of fee procedures whose fees were not all waived."
        ),
        BuiltIn(
            IndicatorCodes.Digitisation,
            "Số hóa hồ sơ (digitisation)",
            "4.2: dossiers digitised (for a paper-result procedure, also with an electronic result) ÷ dossiers "
                + "received."
        ),
        BuiltIn(
            IndicatorCodes.EResult,
            "Cấp kết quả điện tử (electronic results)",
            "4.1: dossiers with an electronic result ÷ dossiers of procedures whose result is a paper document."
        ),
        BuiltIn(
            IndicatorCodes.PopulationDb,
            "Khai thác CSDL quốc gia về dân cư (population database use)",
            "4.5b: dossiers using the population database (data taken from it or a VNeID-authenticated account) "
                + "÷ dossiers received."
        ),
        BuiltIn(
            IndicatorCodes.OnlineService,
            "Dịch vụ công trực tuyến tích hợp Cổng DVC quốc gia (integrated online services)",
            "Procedures of the unit's level offering an online service integrated with the national portal ÷ "
                + "procedures of that level."
        ),
        BuiltIn(
            IndicatorCodes.FullOnline,
            "Hồ sơ trực tuyến toàn trình (full online service)",
            "Dossiers received online ÷ dossiers of procedures eligible for full online service."
        ),
        BuiltIn(
            IndicatorCodes.DataReuse,
            "Tái sử dụng dữ liệu số hóa (reuse of digitised data)",
            "4.3: dossiers reusing already digitised data ÷ dossiers received."
        ),
        BuiltIn(
            IndicatorCodes.PersonalDataStore,
            "Kết nối kho dữ liệu cá nhân (personal data store)",
            "4.4: dossiers linked with the applicant's personal data store on the portal ÷ dossiers received."
        ),
        BuiltIn(
            IndicatorCodes.Satisfaction,
            "Mức độ hài lòng về giải quyết hồ sơ (satisfaction with dossier handling)",
            "5.4: 100 − (late % by the on-time figure + % of dossiers received with a complaint or a dislike)."
        ),
        BuiltIn(
            IndicatorCodes.PaymentOffered,
            "TTHC có phí cho phép thanh toán trực tuyến (procedures payable online)",
            "3.5: procedures of the unit's level with a fee, offered for online payment on the portal ÷ "
                + "procedures of that level with a fee."
        ),
        BuiltIn(
            IndicatorCodes.PaymentProcedures,
            "TTHC có phát sinh thanh toán trực tuyến (procedures paid online)",
            "3.5b: procedures of the unit's level with a fee that had a dossier received in the period and paid "
                + "online ÷ procedures of that level with a fee."
        ),
        BuiltIn(
            IndicatorCodes.PopulationDbProcedures,
            "TTHC có khai thác CSDL dân cư (procedures using the population database)",
            "4.5a: procedures of the unit's level open to citizens with a dossier received in the period that "
                + "used the population database ÷ procedures of that level open to citizens."
        ),
        BuiltIn(
            IndicatorCodes.ChannelOnline,
            "Hồ sơ tiếp nhận trực tuyến (received online)",
            "Dossiers received online ÷ dossiers received (no band)."
        ),
        BuiltIn(
            IndicatorCodes.ChannelDirect,
            "Hồ sơ tiếp nhận trực tiếp (received in person)",
            "Dossiers received in person ÷ dossiers received (no band)."
        ),
        BuiltIn(
            IndicatorCodes.ChannelPostal,
            "Hồ sơ tiếp nhận qua bưu chính (received by post)",
            "Dossiers received by post ÷ dossiers received (no band)."
        ),
        .. IndexDefaults.Reported.Select(r => new IndicatorDefinition(
            r.Code,
            r.Name,
            IndicatorKind.Reported,
            "Reported per unit and period (PUT /api/indicator-values): a sub-indicator of the national index.",
            []
        )),
    ];

    private static IndicatorDefinition BuiltIn(string code, string name, string description) =>
        new(code, name, IndicatorKind.BuiltIn, description, DefaultBands.For(code)?.Scales ?? []);
}
