using Scorecard.Domain.Bands;
using Scorecard.Domain.Index;
using Scorecard.Domain.Indicators;

namespace Scorecard.Infrastructure.Indicators;

/// <summary>
/// The built-in indicators with their default bands, named and described in Vietnamese and English; each description
/// says the national formula. Their weight in a score is the national index's (README "The national index"), not
/// theirs. <see cref="FormerNames"/> are the names they were stored under before they had a name in each language.
/// </summary>
public static class IndicatorDefaults
{
    private static readonly (IndicatorDefinition Definition, string FormerName)[] Shipped =
    [
        BuiltIn(
            IndicatorCodes.OnTime,
            "Hồ sơ giải quyết đúng hạn",
            "On-time resolution",
            "Hồ sơ giải quyết đúng hạn (on-time resolution)",
            "2.1: hồ sơ đã giải quyết đúng hạn hoặc còn trong hạn ÷ hồ sơ tiếp nhận trong kỳ hoặc "
                + "còn tồn khi kỳ bắt đầu.",
            "2.1: dossiers ended in time, or still within time, ÷ dossiers received in the period or still open "
                + "when it began."
        ),
        BuiltIn(
            IndicatorCodes.OnlineSubmission,
            "Hồ sơ nộp trực tuyến",
            "Online submission",
            "Hồ sơ nộp trực tuyến (online submission)",
            "3.3: hồ sơ tiếp nhận trực tuyến (với TTHC trả kết quả giấy, chỉ khi có kết quả điện "
                + "tử) ÷ hồ sơ tiếp nhận.",
            "3.3: dossiers received online (for a paper-result procedure, only with an electronic result) ÷ "
                + "dossiers received."
        ),
        BuiltIn(
            IndicatorCodes.OnlinePayment,
            "Thanh toán trực tuyến",
            "Online payment",
            "Thanh toán trực tuyến (online payment)",
            "3.6: hồ sơ thanh toán trực tuyến ÷ hồ sơ của TTHC có phí, lệ phí không được miễn " + "toàn bộ.",
            "3.6: dossiers paid online ÷ dossiers of fee procedures whose fees were not all waived."
        ),
        BuiltIn(
            IndicatorCodes.Digitisation,
            "Số hóa hồ sơ",
            "Digitisation",
            "Số hóa hồ sơ (digitisation)",
            "4.2: hồ sơ được số hóa (với TTHC trả kết quả giấy, cả kết quả điện tử) ÷ hồ sơ tiếp " + "nhận.",
            "4.2: dossiers digitised (for a paper-result procedure, also with an electronic result) ÷ dossiers "
                + "received."
        ),
        BuiltIn(
            IndicatorCodes.EResult,
            "Cấp kết quả điện tử",
            "Electronic results",
            "Cấp kết quả điện tử (electronic results)",
            "4.1: hồ sơ có kết quả điện tử ÷ hồ sơ của TTHC có kết quả là giấy tờ.",
            "4.1: dossiers with an electronic result ÷ dossiers of procedures whose result is a paper document."
        ),
        BuiltIn(
            IndicatorCodes.PopulationDb,
            "Khai thác CSDL quốc gia về dân cư",
            "Population database use",
            "Khai thác CSDL quốc gia về dân cư (population database use)",
            "4.5b: hồ sơ khai thác CSDL dân cư (lấy dữ liệu từ đó hoặc tài khoản định danh VNeID) "
                + "÷ hồ sơ tiếp nhận.",
            "4.5b: dossiers using the population database (data taken from it or a VNeID-authenticated account) "
                + "÷ dossiers received."
        ),
        BuiltIn(
            IndicatorCodes.OnlineService,
            "Dịch vụ công trực tuyến tích hợp Cổng DVC quốc gia",
            "Integrated online services",
            "Dịch vụ công trực tuyến tích hợp Cổng DVC quốc gia (integrated online services)",
            "TTHC của cấp đơn vị có dịch vụ công trực tuyến tích hợp Cổng DVC quốc gia ÷ TTHC của " + "cấp đó.",
            "Procedures of the unit's level offering an online service integrated with the national portal ÷ "
                + "procedures of that level."
        ),
        BuiltIn(
            IndicatorCodes.FullOnline,
            "Hồ sơ trực tuyến toàn trình",
            "Full online service",
            "Hồ sơ trực tuyến toàn trình (full online service)",
            "Hồ sơ tiếp nhận trực tuyến ÷ hồ sơ của TTHC đủ điều kiện trực tuyến toàn trình.",
            "Dossiers received online ÷ dossiers of procedures eligible for full online service."
        ),
        BuiltIn(
            IndicatorCodes.DataReuse,
            "Tái sử dụng dữ liệu số hóa",
            "Reuse of digitised data",
            "Tái sử dụng dữ liệu số hóa (reuse of digitised data)",
            "4.3: hồ sơ tái sử dụng dữ liệu đã số hóa ÷ hồ sơ tiếp nhận.",
            "4.3: dossiers reusing already digitised data ÷ dossiers received."
        ),
        BuiltIn(
            IndicatorCodes.PersonalDataStore,
            "Kết nối kho dữ liệu cá nhân",
            "Personal data store",
            "Kết nối kho dữ liệu cá nhân (personal data store)",
            "4.4: hồ sơ kết nối kho dữ liệu cá nhân của người nộp trên Cổng ÷ hồ sơ tiếp nhận.",
            "4.4: dossiers linked with the applicant's personal data store on the portal ÷ dossiers received."
        ),
        BuiltIn(
            IndicatorCodes.Satisfaction,
            "Mức độ hài lòng về giải quyết hồ sơ",
            "Satisfaction with dossier handling",
            "Mức độ hài lòng về giải quyết hồ sơ (satisfaction with dossier handling)",
            "5.4: 100 − (% trễ hạn theo chỉ số đúng hạn + % hồ sơ có phản ánh hoặc đánh giá không " + "hài lòng).",
            "5.4: 100 − (late % by the on-time figure + % of dossiers received with a complaint or a dislike)."
        ),
        BuiltIn(
            IndicatorCodes.PaymentOffered,
            "TTHC có phí cho phép thanh toán trực tuyến",
            "Procedures payable online",
            "TTHC có phí cho phép thanh toán trực tuyến (procedures payable online)",
            "3.5: TTHC có phí của cấp đơn vị được thanh toán trực tuyến trên Cổng ÷ TTHC có phí " + "của cấp đó.",
            "3.5: procedures of the unit's level with a fee, offered for online payment on the portal ÷ "
                + "procedures of that level with a fee."
        ),
        BuiltIn(
            IndicatorCodes.PaymentProcedures,
            "TTHC có phát sinh thanh toán trực tuyến",
            "Procedures paid online",
            "TTHC có phát sinh thanh toán trực tuyến (procedures paid online)",
            "3.5b: TTHC có phí của cấp đơn vị có hồ sơ tiếp nhận trong kỳ được thanh toán trực "
                + "tuyến ÷ TTHC có phí của cấp đó.",
            "3.5b: procedures of the unit's level with a fee that had a dossier received in the period and paid "
                + "online ÷ procedures of that level with a fee."
        ),
        BuiltIn(
            IndicatorCodes.PopulationDbProcedures,
            "TTHC có khai thác CSDL dân cư",
            "Procedures using the population database",
            "TTHC có khai thác CSDL dân cư (procedures using the population database)",
            "4.5a: TTHC của cấp đơn vị dành cho công dân có hồ sơ tiếp nhận trong kỳ khai thác "
                + "CSDL dân cư ÷ TTHC đó.",
            "4.5a: procedures of the unit's level open to citizens with a dossier received in the period that "
                + "used the population database ÷ procedures of that level open to citizens."
        ),
        BuiltIn(
            IndicatorCodes.ChannelOnline,
            "Hồ sơ tiếp nhận trực tuyến",
            "Received online",
            "Hồ sơ tiếp nhận trực tuyến (received online)",
            "Hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận (không xếp màu).",
            "Dossiers received online ÷ dossiers received (no band)."
        ),
        BuiltIn(
            IndicatorCodes.ChannelDirect,
            "Hồ sơ tiếp nhận trực tiếp",
            "Received in person",
            "Hồ sơ tiếp nhận trực tiếp (received in person)",
            "Hồ sơ tiếp nhận trực tiếp ÷ hồ sơ tiếp nhận (không xếp màu).",
            "Dossiers received in person ÷ dossiers received (no band)."
        ),
        BuiltIn(
            IndicatorCodes.ChannelPostal,
            "Hồ sơ tiếp nhận qua bưu chính",
            "Received by post",
            "Hồ sơ tiếp nhận qua bưu chính (received by post)",
            "Hồ sơ tiếp nhận qua bưu chính ÷ hồ sơ tiếp nhận (không xếp màu).",
            "Dossiers received by post ÷ dossiers received (no band)."
        ),
        .. IndexDefaults.Reported.Select(r =>
            (
                new IndicatorDefinition(
                    r.Code,
                    r.Name,
                    IndicatorKind.Reported,
                    "Số liệu báo cáo theo đơn vị và kỳ (PUT /api/indicator-values): một chỉ số thành phần "
                        + "của Bộ chỉ số.",
                    [],
                    r.NameEn,
                    "Reported per unit and period (PUT /api/indicator-values): a sub-indicator of the national index."
                ),
                $"{r.Name} ({char.ToLowerInvariant(r.NameEn[0])}{r.NameEn[1..]})"
            )
        ),
    ];

    public static IReadOnlyList<IndicatorDefinition> All { get; } = [.. Shipped.Select(s => s.Definition)];

    /// <summary>Each shipped indicator's former default name (Vietnamese with English in brackets), by code.</summary>
    public static IReadOnlyDictionary<string, string> FormerNames { get; } =
        Shipped.ToDictionary(s => s.Definition.Code, s => s.FormerName, StringComparer.Ordinal);

    private static (IndicatorDefinition, string) BuiltIn(
        string code,
        string name,
        string nameEn,
        string formerName,
        string description,
        string descriptionEn
    ) =>
        (
            new(
                code,
                name,
                IndicatorKind.BuiltIn,
                description,
                DefaultBands.For(code)?.Scales ?? [],
                nameEn,
                descriptionEn
            ),
            formerName
        );
}
