using Scorecard.Domain.Calendar;

namespace Scorecard.Api.Tests.Domain.Calendar;

public sealed class StatutoryHolidaysTests
{
    [Test]
    public void Parse_WhenSharedTableRows_ReadsDatesKindsAndQuotedNames()
    {
        var days = StatutoryHolidays.Parse(Tet2025.Csv);

        Assert.That(days, Has.Count.EqualTo(7));
        Assert.That(
            days[1],
            Is.EqualTo(
                new CalendarDay(
                    new DateOnly(2025, 1, 28),
                    CalendarDayKind.Holiday,
                    "Tết Nguyên đán (last day of the lunar year)"
                )
            )
        );
        Assert.That(days[6].Name, Is.EqualTo("Compensatory day for Tết (day 4) on 2025-02-01"));
        Assert.That(days.Select(d => d.Kind), Is.All.EqualTo(CalendarDayKind.Holiday));
    }

    [Test]
    public void Parse_WhenWorkingDayQuotedCommaAndEscapedQuote_ReadsThem()
    {
        const string csv =
            "date,kind,name,source\r\n2025-04-26,working-day,\"Swap, \"\"Saturday\"\"\",announced\r\n\r\n";

        var days = StatutoryHolidays.Parse(csv);

        Assert.That(
            days,
            Is.EqualTo(
                new[] { new CalendarDay(new DateOnly(2025, 4, 26), CalendarDayKind.WorkingDay, "Swap, \"Saturday\"") }
            )
        );
    }

    [Test]
    public void Parse_WhenNoHeader_ReadsFirstLine()
    {
        Assert.That(
            StatutoryHolidays.Parse("2024-09-02,holiday,Quốc khánh")[0].Date,
            Is.EqualTo(new DateOnly(2024, 9, 2))
        );
    }

    [TestCase("date,kind,name,source\n2025-13-01,holiday,x,y", "line 2")]
    [TestCase("2025-01-01,vacation,x,y", "kind 'vacation'")]
    [TestCase("2025-01-01,holiday", "expected date,kind,name,source")]
    [TestCase("2025-01-01,holiday,\"open,y", "unterminated quote")]
    public void Parse_WhenMalformed_ThrowsNamingTheLine(string csv, string message)
    {
        Assert.That(
            () => StatutoryHolidays.Parse(csv),
            Throws.TypeOf<FormatException>().With.Message.Contains(message)
        );
    }
}
