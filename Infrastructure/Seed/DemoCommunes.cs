using System.Globalization;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Units;

namespace Scorecard.Infrastructure.Seed;

/// <summary>
/// The communes of the demo before and after the reorganisation. A district's communes (names generated) merge, in
/// name order, into about a third as many new communes under the province (two to four old into one); in every third
/// district the last commune of the first group is split between the first two new communes, the first being its
/// primary successor. A district's first new commune takes the district's name.
/// </summary>
internal sealed class DemoCommunes(Random random, string province, DateOnly reform)
{
    private const int FirstNewCode = 30001;

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

    private readonly List<Unit> created = [];
    private readonly HashSet<string> newNames = new(StringComparer.Ordinal);
    private int districts;

    /// <summary>The communes formed on the reform day, in the order they were made.</summary>
    public IReadOnlyList<Unit> New => created;

    /// <summary>The district's communes before the reform, in name order: wards first in an urban district.</summary>
    public IEnumerable<string> OldNames(DemoDistrict district)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < district.Communes)
        {
            var kind = district.Urban && names.Count < district.Communes * 2 / 3 ? "Phường" : "Xã";
            names.Add($"{kind} {Draw()}");
        }

        return names.Order(StringComparer.Ordinal);
    }

    /// <summary>The district's old communes ended the day before the reform, naming the new communes they merged
    /// into; the new communes are kept in <see cref="New"/>.</summary>
    public IEnumerable<Unit> Merge(DemoDistrict district, IReadOnlyList<Unit> old)
    {
        var groups = Math.Max(1, (int)Math.Round(old.Count / 3.0, MidpointRounding.AwayFromZero));
        var successors = new List<Unit>(groups);
        for (var g = 0; g < groups; g++)
        {
            var first = old[g * old.Count / groups];
            var kind = first.Name.StartsWith("Phường", StringComparison.Ordinal) ? "Phường" : "Xã";
            string name;
            do
            {
                name = g == 0 ? $"{kind} {district.ShortName}" : $"{kind} {Draw()}";
            } while (!newNames.Add(name));

            var code = (FirstNewCode + 3 * created.Count).ToString("D5", CultureInfo.InvariantCulture);
            var unit = new Unit(
                code,
                name,
                UnitLevel.Commune,
                UnitKind.Locality,
                province,
                reform,
                null,
                [],
                new Dictionary<string, string>()
            );
            created.Add(unit);
            successors.Add(unit);
        }

        var split = districts++ % 3 == 0 && groups > 1 ? old.Count / groups - 1 : -1;
        var ended = reform.AddDays(-1);
        for (var i = 0; i < old.Count; i++)
        {
            var group = groups - 1;
            while (group * old.Count / groups > i)
            {
                group--;
            }

            var into = successors[group].Code;
            yield return i == split
                ? old[i] with
                {
                    ValidTo = ended,
                    SuccessorCodes = [into, successors[1].Code],
                    PrimarySuccessor = into,
                }
                : old[i] with
                {
                    ValidTo = ended,
                    SuccessorCodes = [into],
                };
        }
    }

    private string Draw() => $"{Syllables[random.Next(Syllables.Length)]} {Syllables[random.Next(Syllables.Length)]}";
}
