using System.Globalization;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;

namespace Scorecard.Infrastructure.Seed;

/// <summary>
/// 2,000 procedures with the mix a province publishes: about 60% provincial, 25% district, 15%
/// commune; online service full/partial/none varying by level; fees on about 40%.
/// </summary>
internal static class DemoProcedures
{
    public const int Count = 2000;

    private static readonly string[] Fields =
    [
        "Hộ tịch",
        "Chứng thực",
        "Đất đai",
        "Xây dựng",
        "Đăng ký kinh doanh",
        "Lao động",
        "Bảo trợ xã hội",
        "Giáo dục và Đào tạo",
        "Y tế",
        "Đường bộ",
        "Tài nguyên nước",
        "Môi trường",
        "Công thương",
        "Trồng trọt",
        "Văn hóa",
        "Du lịch",
        "Thông tin - Truyền thông",
        "Tư pháp",
        "Nội vụ",
        "Tôn giáo",
        "Thi đua - Khen thưởng",
        "Người có công",
        "Đầu tư",
        "Tài chính",
        "Khoa học và Công nghệ",
    ];

    private static readonly string[] Actions =
    [
        "Cấp giấy phép",
        "Cấp lại giấy phép",
        "Điều chỉnh giấy phép",
        "Đăng ký",
        "Thẩm định",
        "Công nhận",
        "Xác nhận",
        "Cấp giấy chứng nhận",
        "Gia hạn",
        "Thu hồi",
        "Phê duyệt",
        "Cấp bản sao",
    ];

    public static IReadOnlyList<Procedure> Generate(Random random)
    {
        var procedures = new List<Procedure>(Count);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var level =
                i < 1200 ? UnitLevel.Province
                : i < 1700 ? UnitLevel.District
                : UnitLevel.Commune;
            string code;
            do
            {
                code = $"{1 + random.Next(2)}.{random.Next(1, 13_000):D6}";
            } while (!codes.Add(code));

            var field = Fields[random.Next(Fields.Length)];
            var online = Online(level, random.NextDouble());
            // Drawn in this order, so the catalogue stays as it was before the national fields.
            var name =
                $"{Actions[random.Next(Actions.Length)]} {field.ToLower(CultureInfo.GetCultureInfo("vi-VN"))} ({code})";
            var integrated = online != OnlineService.None && random.NextDouble() < 0.85;
            var hasFee = random.NextDouble() < 0.4;
            var personApplicant = random.NextDouble() < 0.7;
            var time = Time(level, random);
            // The national method's fields draw from their own sequence.
            var national = new Random(i);
            procedures.Add(
                new Procedure(code, name, field, level, online, integrated, hasFee, personApplicant, time, null, null)
                {
                    PaperResult = national.NextDouble() < 0.8,
                    OnlinePaymentOnPortal = hasFee && online != OnlineService.None && national.NextDouble() < 0.7,
                }
            );
        }

        return procedures;
    }

    private static OnlineService Online(UnitLevel level, double draw) =>
        level switch
        {
            UnitLevel.Province => draw < 0.5 ? OnlineService.Full
            : draw < 0.85 ? OnlineService.Partial
            : OnlineService.None,
            UnitLevel.District => draw < 0.4 ? OnlineService.Full
            : draw < 0.75 ? OnlineService.Partial
            : OnlineService.None,
            _ => draw < 0.35 ? OnlineService.Full
            : draw < 0.7 ? OnlineService.Partial
            : OnlineService.None,
        };

    private static ProcessingTime Time(UnitLevel level, Random random)
    {
        var draw = random.NextDouble();
        if (draw < 0.03)
        {
            return new ProcessingTime(random.Next(2) == 0 ? 4 : 8, ProcessingTimeUnit.Hours);
        }

        if (draw < 0.08)
        {
            return new ProcessingTime(random.Next(5, 31), ProcessingTimeUnit.Days);
        }

        var max =
            level == UnitLevel.Commune ? 5
            : level == UnitLevel.District ? 15
            : 30;
        return new ProcessingTime(random.Next(1, max + 1), ProcessingTimeUnit.WorkingDays);
    }
}
