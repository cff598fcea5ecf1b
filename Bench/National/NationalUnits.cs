using System.Globalization;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Units;

namespace Scorecard.Bench.National;

/// <summary>
/// The country across the 2025 reorganisation. Until 30 June 2025: 63 provinces, each with the demo's 20 agencies
/// and 11 districts of 14 or 15 communes (693 districts, 10,048 communes). From 1 July 2025: 34 provinces, the first
/// five unchanged and each of the other 29 absorbing one of provinces 35–63 (which end naming it, and so do their
/// agencies, the matching agency of the absorbing province); every district ends without a successor; the communes of
/// each new province merge, in order, into 3,321 new communes under the province (shared out by the old communes'
/// number), and in every seventh group the last old commune is split with the next new commune, naming its own group's
/// commune primary successor. 15,385 units in all, 4,035 of them valid today.
/// </summary>
internal static class NationalUnits
{
    public const int NewProvinces = 34;
    public const int OldProvinces = 63;
    public const int NewCommunes = 3_321;
    private const int DistrictsPerProvince = 11;
    private const int FirstNewCommune = 40_000;

    public static readonly DateOnly Start = new(2020, 1, 1);
    public static readonly DateOnly Reform = new(2025, 7, 1);

    /// <summary>The code of the <paramref name="number"/>th province (1–63).</summary>
    public static string Province(int number) => number.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The new province that holds old province <paramref name="number"/> from the reform on.</summary>
    public static int Holder(int number) => number <= NewProvinces ? number : number - (OldProvinces - NewProvinces);

    /// <param name="agencies">The agencies of one province (code suffix and name), repeated in every province.</param>
    public static List<Unit> Generate(IReadOnlyList<(string Code, string Name)> agencies)
    {
        var ended = Reform.AddDays(-1);
        var units = new List<Unit>();
        var oldCommunes = Enumerable.Range(1, NewProvinces).ToDictionary(p => p, _ => new List<Unit>());
        int district = 100,
            commune = 10_000;
        for (var p = 1; p <= OldProvinces; p++)
        {
            var code = Province(p);
            var holder = Province(Holder(p));
            var ends = p > NewProvinces;
            units.Add(Ends(Make(code, $"Tỉnh {code}", UnitLevel.Province, UnitKind.Locality, null), ends, holder));
            foreach (var (suffix, name) in agencies)
            {
                units.Add(
                    Ends(
                        Make($"{code}.{suffix}", name, UnitLevel.Province, UnitKind.Agency, code),
                        ends,
                        $"{holder}.{suffix}"
                    )
                );
            }

            for (var d = 0; d < DistrictsPerProvince; d++, district++)
            {
                var districtCode = district.ToString("D3", CultureInfo.InvariantCulture);
                units.Add(
                    Make(districtCode, $"Huyện {districtCode}", UnitLevel.District, UnitKind.Locality, code) with
                    {
                        ValidTo = ended,
                    }
                );
                for (var c = 0; c < 14 + district % 2; c++, commune++)
                {
                    var communeCode = commune.ToString("D5", CultureInfo.InvariantCulture);
                    oldCommunes[Holder(p)]
                        .Add(
                            Make(communeCode, $"Xã {communeCode}", UnitLevel.Commune, UnitKind.Locality, districtCode)
                        );
                }
            }
        }

        var total = oldCommunes.Values.Sum(o => o.Count);
        var next = FirstNewCommune;
        var shared = 0;
        var counted = 0;
        foreach (var (province, old) in oldCommunes)
        {
            // Rounded cumulatively, so that the shares add up to exactly NewCommunes.
            counted += old.Count;
            var upTo = (int)Math.Round((double)counted * NewCommunes / total, MidpointRounding.AwayFromZero);
            var groups = upTo - shared;
            shared = upTo;
            var created = Enumerable
                .Range(next, groups)
                .Select(n => n.ToString("D5", CultureInfo.InvariantCulture))
                .Select(c =>
                    Make(c, $"Xã {c}", UnitLevel.Commune, UnitKind.Locality, Province(province)) with
                    {
                        ValidFrom = Reform,
                    }
                )
                .ToList();
            next += groups;
            units.AddRange(created);
            for (var i = 0; i < old.Count; i++)
            {
                var group = (int)((long)i * groups / old.Count);
                var lastOfGroup = (int)((long)(i + 1) * groups / old.Count) != group || i == old.Count - 1;
                var split = lastOfGroup && group % 7 == 0 && group + 1 < groups;
                units.Add(
                    split
                        ? old[i] with
                        {
                            ValidTo = ended,
                            SuccessorCodes = [created[group].Code, created[group + 1].Code],
                            PrimarySuccessor = created[group].Code,
                        }
                        : old[i] with
                        {
                            ValidTo = ended,
                            SuccessorCodes = [created[group].Code],
                        }
                );
            }
        }

        return units;
    }

    private static Unit Ends(Unit unit, bool ends, string successor) =>
        ends ? unit with { ValidTo = Reform.AddDays(-1), SuccessorCodes = [successor] } : unit;

    private static Unit Make(string code, string name, UnitLevel level, UnitKind kind, string? parent) =>
        new(code, name, level, kind, parent, Start, null, [], new Dictionary<string, string>());
}
