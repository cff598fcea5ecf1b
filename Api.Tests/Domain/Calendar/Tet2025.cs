using Scorecard.Domain.Calendar;

namespace Scorecard.Api.Tests.Domain.Calendar;

/// <summary>Rows copied verbatim from shared/data/vn-holidays-2020-2031.csv around Tết 2025.</summary>
internal static class Tet2025
{
    public const string Csv = """
        date,kind,name,source
        2025-01-01,holiday,Tết Dương lịch,statutory
        2025-01-28,holiday,Tết Nguyên đán (last day of the lunar year),"statutory, lunar"
        2025-01-29,holiday,Tết Nguyên đán (day 1),"statutory, lunar"
        2025-01-30,holiday,Tết Nguyên đán (day 2),"statutory, lunar"
        2025-01-31,holiday,Tết Nguyên đán (day 3),"statutory, lunar"
        2025-02-01,holiday,Tết Nguyên đán (day 4),"statutory, lunar"
        2025-02-03,holiday,Compensatory day for Tết (day 4) on 2025-02-01,statutory compensation (art. 112(3))
        """;

    public static WorkCalendar Calendar() => new(StatutoryHolidays.Parse(Csv));
}
