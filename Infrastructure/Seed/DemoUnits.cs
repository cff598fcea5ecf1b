using System.Globalization;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Units;

namespace Scorecard.Infrastructure.Seed;

/// <summary>
/// Two provinces across the 2025 reorganisation. Until 30 June 2025: one modelled on Quảng Nam (GSO code 49: 20
/// agencies, its 18 districts with their GSO codes, 241 communes) and a smaller neighbour modelled on Kon Tum (62: 20
/// agencies, 10 districts, 100 communes). From 1 July 2025 the merged province keeps Quảng Nam's code, name and
/// agencies, as the larger province did in the reform; the neighbour and its agencies end with the matching unit of
/// 49 as successor, every district ends without one, and the communes merge into about a third as many (commune names
/// are generated; see <see cref="DemoCommunes"/>).
/// </summary>
internal static class DemoUnits
{
    public const string ProvinceCode = "49";
    public const string NeighbourCode = "62";

    /// <summary>The first day of the merged province and its new communes.</summary>
    public static readonly DateOnly Reform = new(2025, 7, 1);

    /// <summary>The first day of every unit that existed before the reorganisation.</summary>
    public static readonly DateOnly Start = new(2020, 1, 1);

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
    private static readonly DemoDistrict[] QuangNam =
    [
        new("502", "Thành phố Tam Kỳ", true, 13),
        new("503", "Thành phố Hội An", true, 13),
        new("504", "Huyện Tây Giang", false, 10),
        new("505", "Huyện Đông Giang", false, 11),
        new("506", "Huyện Đại Lộc", false, 18),
        new("507", "Thị xã Điện Bàn", true, 20),
        new("508", "Huyện Duy Xuyên", false, 14),
        new("509", "Huyện Quế Sơn", false, 13),
        new("510", "Huyện Nam Giang", false, 12),
        new("511", "Huyện Phước Sơn", false, 12),
        new("512", "Huyện Hiệp Đức", false, 11),
        new("513", "Huyện Thăng Bình", false, 22),
        new("514", "Huyện Tiên Phước", false, 15),
        new("515", "Huyện Bắc Trà My", false, 13),
        new("516", "Huyện Nam Trà My", false, 10),
        new("517", "Huyện Núi Thành", false, 17),
        new("518", "Huyện Phú Ninh", false, 11),
        new("519", "Huyện Nông Sơn", false, 6),
    ];

    // The neighbour's 10 districts with their GSO codes: 100 communes in all.
    private static readonly DemoDistrict[] KonTum =
    [
        new("608", "Thành phố Kon Tum", true, 21),
        new("610", "Huyện Đắk Glei", false, 12),
        new("611", "Huyện Ngọc Hồi", false, 8),
        new("612", "Huyện Đắk Tô", false, 9),
        new("613", "Huyện Kon Plông", false, 9),
        new("614", "Huyện Kon Rẫy", false, 6),
        new("615", "Huyện Đắk Hà", false, 11),
        new("616", "Huyện Sa Thầy", false, 10),
        new("617", "Huyện Tu Mơ Rông", false, 11),
        new("618", "Huyện Ia H' Drai", false, 3),
    ];

    public static IReadOnlyList<Unit> Generate(Random random)
    {
        var ended = Reform.AddDays(-1);
        var units = new List<Unit>
        {
            Make(ProvinceCode, "Tỉnh Quảng Nam", UnitLevel.Province, UnitKind.Locality, null) with
            {
                ExternalIds = new Dictionary<string, string> { ["qcvn102"] = "000.00.00.H49" },
            },
            Make(NeighbourCode, "Tỉnh Kon Tum", UnitLevel.Province, UnitKind.Locality, null) with
            {
                ValidTo = ended,
                SuccessorCodes = [ProvinceCode],
                ExternalIds = new Dictionary<string, string> { ["qcvn102"] = "000.00.00.H62" },
            },
        };
        foreach (var (code, name) in Agencies)
        {
            units.Add(Make($"{ProvinceCode}.{code}", name, UnitLevel.Province, UnitKind.Agency, ProvinceCode));
            units.Add(
                Make($"{NeighbourCode}.{code}", name, UnitLevel.Province, UnitKind.Agency, NeighbourCode) with
                {
                    ValidTo = ended,
                    SuccessorCodes = [$"{ProvinceCode}.{code}"],
                }
            );
        }

        var communes = new DemoCommunes(random, ProvinceCode, Reform);
        foreach (
            var (province, districts, firstCode) in new[]
            {
                (ProvinceCode, QuangNam, 20194),
                (NeighbourCode, KonTum, 23260),
            }
        )
        {
            var code = firstCode;
            foreach (var district in districts)
            {
                units.Add(
                    Make(district.Code, district.Name, UnitLevel.District, UnitKind.Locality, province) with
                    {
                        ValidTo = ended,
                    }
                );
                var old = new List<Unit>();
                foreach (var name in communes.OldNames(district))
                {
                    old.Add(
                        Make(
                            code.ToString("D5", CultureInfo.InvariantCulture),
                            name,
                            UnitLevel.Commune,
                            UnitKind.Locality,
                            district.Code
                        )
                    );
                    code += 3;
                }

                units.AddRange(communes.Merge(district, old));
            }
        }

        units.AddRange(communes.New);
        return units;
    }

    private static Unit Make(string code, string name, UnitLevel level, UnitKind kind, string? parent) =>
        new(code, name, level, kind, parent, Start, null, [], new Dictionary<string, string>());
}
