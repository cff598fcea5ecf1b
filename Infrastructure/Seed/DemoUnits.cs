using Scorecard.Domain.Levels;
using Scorecard.Domain.Units;

namespace Scorecard.Infrastructure.Seed;

/// <summary>
/// A province modelled on Quảng Nam (GSO code 49): 20 provincial agencies, its 18 districts with
/// their GSO codes, and 241 communes spread as the real ones are (commune names are generated).
/// </summary>
internal static class DemoUnits
{
    public const string ProvinceCode = "49";

    private static readonly (string Code, string Name)[] Agencies =
    [
        ("SNV", "Sở Nội vụ"),
        ("STP", "Sở Tư pháp"),
        ("SKHDT", "Sở Kế hoạch và Đầu tư"),
        ("STC", "Sở Tài chính"),
        ("SCT", "Sở Công Thương"),
        ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("SGTVT", "Sở Giao thông vận tải"),
        ("SXD", "Sở Xây dựng"),
        ("STNMT", "Sở Tài nguyên và Môi trường"),
        ("STTTT", "Sở Thông tin và Truyền thông"),
        ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("SKHCN", "Sở Khoa học và Công nghệ"),
        ("SGDDT", "Sở Giáo dục và Đào tạo"),
        ("SYT", "Sở Y tế"),
        ("TTR", "Thanh tra tỉnh"),
        ("BDT", "Ban Dân tộc"),
        ("BQLKKT", "Ban Quản lý các Khu kinh tế và Khu công nghiệp"),
        ("SNGV", "Sở Ngoại vụ"),
        ("VPUBND", "Văn phòng UBND tỉnh"),
    ];

    // GSO code, name, urban (wards rather than communes), number of communes: 241 in all.
    private static readonly (string Code, string Name, bool Urban, int Communes)[] Districts =
    [
        ("502", "Thành phố Tam Kỳ", true, 13),
        ("503", "Thành phố Hội An", true, 13),
        ("504", "Huyện Tây Giang", false, 10),
        ("505", "Huyện Đông Giang", false, 11),
        ("506", "Huyện Đại Lộc", false, 18),
        ("507", "Thị xã Điện Bàn", true, 20),
        ("508", "Huyện Duy Xuyên", false, 14),
        ("509", "Huyện Quế Sơn", false, 13),
        ("510", "Huyện Nam Giang", false, 12),
        ("511", "Huyện Phước Sơn", false, 12),
        ("512", "Huyện Hiệp Đức", false, 11),
        ("513", "Huyện Thăng Bình", false, 22),
        ("514", "Huyện Tiên Phước", false, 15),
        ("515", "Huyện Bắc Trà My", false, 13),
        ("516", "Huyện Nam Trà My", false, 10),
        ("517", "Huyện Núi Thành", false, 17),
        ("518", "Huyện Phú Ninh", false, 11),
        ("519", "Huyện Nông Sơn", false, 6),
    ];

    private static readonly string[] Syllables =
    [
        "An",
        "Hòa",
        "Phước",
        "Thạnh",
        "Lộc",
        "Hiệp",
        "Thành",
        "Xuân",
        "Sơn",
        "Phú",
        "Trung",
        "Tân",
        "Minh",
        "Quang",
        "Hưng",
        "Bình",
        "Thuận",
        "Mỹ",
        "Long",
        "Hải",
        "Nghĩa",
        "Đông",
        "Tây",
        "Nam",
        "Bắc",
        "Vinh",
        "Hà",
        "Ninh",
        "Thăng",
        "Cường",
    ];

    public static IReadOnlyList<Unit> Generate(Random random)
    {
        var units = new List<Unit>
        {
            Make(
                ProvinceCode,
                "Tỉnh Quảng Nam",
                UnitLevel.Province,
                UnitKind.Locality,
                null,
                new Dictionary<string, string> { ["qcvn102"] = "000.00.00.H49" }
            ),
        };
        units.AddRange(
            Agencies.Select(a =>
                Make($"{ProvinceCode}.{a.Code}", a.Name, UnitLevel.Province, UnitKind.Agency, ProvinceCode, [])
            )
        );
        var communeCode = 20194;
        foreach (var district in Districts)
        {
            units.Add(Make(district.Code, district.Name, UnitLevel.District, UnitKind.Locality, ProvinceCode, []));
            var names = new HashSet<string>(StringComparer.Ordinal);
            while (names.Count < district.Communes)
            {
                var kind = district.Urban && names.Count < district.Communes * 2 / 3 ? "Phường" : "Xã";
                names.Add(
                    $"{kind} {Syllables[random.Next(Syllables.Length)]} {Syllables[random.Next(Syllables.Length)]}"
                );
            }

            foreach (var name in names.Order(StringComparer.Ordinal))
            {
                units.Add(
                    Make(
                        communeCode.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                        name,
                        UnitLevel.Commune,
                        UnitKind.Locality,
                        district.Code,
                        []
                    )
                );
                communeCode += 3;
            }
        }

        return units;
    }

    private static Unit Make(
        string code,
        string name,
        UnitLevel level,
        UnitKind kind,
        string? parent,
        Dictionary<string, string> externalIds
    ) => new(code, name, level, kind, parent, new DateOnly(2020, 1, 1), null, [], externalIds);
}
