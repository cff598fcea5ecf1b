using Scorecard.Domain.Indicators;

namespace Scorecard.Domain.Index;

/// <summary>
/// The national index as Decision 766/QĐ-TTg's evaluation sets it (README "The national index"): six groups, 100
/// points, valid from 2022-07-01. The sub-indicators the service cannot count arrive as reported figures under the
/// codes of <see cref="Reported"/>.
/// </summary>
public static class IndexDefaults
{
    public const string ProceduresOnTime = "procedures-on-time";
    public const string ProceduresPublished = "procedures-published";
    public const string ProceduresComplete = "procedures-complete";
    public const string DossiersSynced = "dossiers-synced";
    public const string CertifiedCopies = "certified-copies";
    public const string PetitionsOnTime = "petitions-on-time";
    public const string PetitionSatisfaction = "petition-satisfaction";

    /// <summary>The reported indicators the index reads, with their names in Vietnamese and English.</summary>
    public static IReadOnlyList<(string Code, string Name, string NameEn)> Reported { get; } =
    [
        (ProceduresOnTime, "TTHC được công bố đúng hạn", "Procedures announced on time"),
        (ProceduresPublished, "TTHC được công khai đúng hạn trên CSDL quốc gia", "Procedures published on time"),
        (ProceduresComplete, "TTHC công khai đầy đủ các bộ phận", "Procedures published complete"),
        (DossiersSynced, "Hồ sơ đồng bộ lên Cổng DVC quốc gia", "Dossiers synced to the portal"),
        (CertifiedCopies, "Cấp bản sao điện tử từ bản chính", "Electronic certified copies"),
        (PetitionsOnTime, "Phản ánh, kiến nghị xử lý đúng hạn", "Petitions handled on time"),
        (PetitionSatisfaction, "Hài lòng về xử lý phản ánh, kiến nghị", "Satisfaction with petition handling"),
    ];

    public static IndexDefinition Definition { get; } =
        new(
            new DateOnly(2022, 7, 1),
            [
                new(
                    "transparency",
                    "Công khai, minh bạch (CKMB)",
                    [
                        new("1.1", "Công bố TTHC đúng hạn", ProceduresOnTime, 6, 100),
                        new("1.2", "Công khai TTHC đúng hạn", ProceduresPublished, 4, 100),
                        new("1.3", "Công khai đầy đủ bộ phận TTHC", ProceduresComplete, 2, 100),
                        new("1.4", "Đồng bộ hồ sơ lên Cổng DVC quốc gia", DossiersSynced, 6, 100),
                    ]
                ),
                new(
                    "progress",
                    "Tiến độ giải quyết (TDGQ)",
                    [new("2.1", "Hồ sơ giải quyết đúng hạn", IndicatorCodes.OnTime, 20, 100)]
                ),
                new(
                    "online-service",
                    "Dịch vụ công trực tuyến (CLGQ)",
                    [new("3", "Hồ sơ trực tuyến toàn trình", IndicatorCodes.FullOnline, 12, 100)]
                ),
                new(
                    "digitisation",
                    "Số hóa hồ sơ (MDSH)",
                    [
                        new("4.1", "Cấp kết quả điện tử", IndicatorCodes.EResult, 6, 100),
                        new("4.2", "Số hóa hồ sơ, kết quả", IndicatorCodes.Digitisation, 4, 80),
                        new("4.c", "Cấp bản sao điện tử từ bản chính", CertifiedCopies, 2, 100),
                        new("4.3", "Tái sử dụng dữ liệu số hóa", IndicatorCodes.DataReuse, 2, 80),
                        new("4.4", "Kết nối kho dữ liệu cá nhân", IndicatorCodes.PersonalDataStore, 4, 100),
                        new("4.5b", "Hồ sơ khai thác CSDL dân cư", IndicatorCodes.PopulationDb, 2, 100),
                        new("4.5a", "TTHC khai thác CSDL dân cư", IndicatorCodes.PopulationDbProcedures, 2, 100),
                    ]
                ),
                new(
                    "satisfaction",
                    "Mức độ hài lòng (MDHL)",
                    [
                        new("5.2", "Phản ánh, kiến nghị xử lý đúng hạn", PetitionsOnTime, 6, 100),
                        new("5.3", "Hài lòng về xử lý phản ánh, kiến nghị", PetitionSatisfaction, 6, 100),
                        new("5.4", "Hài lòng về giải quyết hồ sơ", IndicatorCodes.Satisfaction, 6, 90),
                    ]
                ),
                new(
                    "online-payment",
                    "Thanh toán trực tuyến (TTTT)",
                    [
                        new("3.5", "TTHC có phí cho phép thanh toán trực tuyến", IndicatorCodes.PaymentOffered, 2, 80),
                        new(
                            "3.5b",
                            "TTHC có phát sinh thanh toán trực tuyến",
                            IndicatorCodes.PaymentProcedures,
                            2,
                            100
                        ),
                        new("3.6", "Hồ sơ thanh toán trực tuyến", IndicatorCodes.OnlinePayment, 6, 100),
                    ]
                ),
            ]
        );
}
