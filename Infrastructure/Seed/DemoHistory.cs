using System.Globalization;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Units;

namespace Scorecard.Infrastructure.Seed;

/// <summary>
/// A deterministic history of dossier events for a province: dossiers received on working days
/// between two dates, handled by agencies, districts and communes at rates that differ by level and
/// unit, with payments, supplements (some twice), late dossiers, withdrawals and refusals, and the
/// newest dossiers still open at <c>asOf</c>. Each dossier is received by a unit valid on its day: the old districts
/// and communes until they end, the new communes from their start (a district's share of the dossiers goes to the
/// communes once districts are gone). Streams one dossier's events at a time.
/// </summary>
public sealed class DemoHistory(DemoProvince province, WorkCalendar calendar, int seed)
{
    private readonly Dictionary<UnitLevel, Unit[]> handlers = province
        .Units.Where(u => u.Kind == UnitKind.Agency || u.Level != UnitLevel.Province)
        .GroupBy(u => u.Level)
        .ToDictionary(g => g.Key, g => g.ToArray());

    private readonly Dictionary<(UnitLevel, DateOnly), Unit[]> valid = [];

    private readonly Dictionary<UnitLevel, Procedure[]> procedures = province
        .Procedures.GroupBy(p => p.Level)
        .ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Events of <paramref name="count"/> dossiers received from <paramref name="first"/> to <paramref
    /// name="last"/>.</summary>
    public IEnumerable<IReadOnlyList<DossierEvent>> Dossiers(
        int count,
        DateOnly first,
        DateOnly last,
        DateTimeOffset asOf
    )
    {
        var random = new Random(seed);
        var profiles = province.Units.ToDictionary(
            u => u.Code,
            u => UnitProfile.Draw(random, u.Level),
            StringComparer.Ordinal
        );
        var days = Enumerable
            .Range(0, last.DayNumber - first.DayNumber + 1)
            .Select(first.AddDays)
            .Where(calendar.IsWorkingDay)
            .ToArray();
        for (var i = 0; i < count; i++)
        {
            var level = random.NextDouble() switch
            {
                < 0.4 => UnitLevel.Province,
                < 0.65 => UnitLevel.District,
                _ => UnitLevel.Commune,
            };
            var day = days[(int)((long)i * days.Length / count)];
            var open = ValidOn(level, day);
            if (open.Length == 0)
            {
                level = UnitLevel.Commune;
                open = ValidOn(level, day);
            }

            var unit = open[random.Next(open.Length)];
            var procedure = procedures[level][random.Next(procedures[level].Length)];
            var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 30)), TimeSpan.FromHours(7)).AddMinutes(
                random.Next(0, 570)
            );
            var events = new DossierGenerator(random, calendar, profiles[unit.Code], asOf).Generate(
                $"{unit.Code}-{day:yyMMdd}-{i.ToString("D7", CultureInfo.InvariantCulture)}",
                unit,
                procedure,
                received
            );
            if (events.Count > 0)
            {
                yield return events;
            }
        }
    }

    /// <summary>The units of the level valid on the day; all of them when none is (a day before the demo's
    /// units).</summary>
    private Unit[] ValidOn(UnitLevel level, DateOnly day)
    {
        if (!valid.TryGetValue((level, day), out var units))
        {
            var all = handlers.GetValueOrDefault(level, []);
            units = [.. all.Where(u => u.IsActiveOn(day))];
            if (units.Length == 0 && level == UnitLevel.Commune)
            {
                units = all;
            }

            valid[(level, day)] = units;
        }

        return units;
    }
}
