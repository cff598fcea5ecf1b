using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;

namespace Scorecard.Api.Tests.Domain.Indicators;

public sealed class NationalOnTimeSeriesTests
{
    private static readonly WorkCalendar Weekdays = WorkCalendar.WeekdaysOnly;

    [Test]
    public void Ratios_ForWeeksOfJuly_AreEachWeeksNationalFigure()
    {
        // Weeks Mon 3 Jul … Sun 30 Jul 2023; judged as of Wed 26 Jul 12:00 (the fourth week still runs).
        var weeks = Period.Range(new(2023, 7, 3), new(2023, 7, 30)).Split(SeriesInterval.Week).ToList();
        var asOf = Parse.At("2023-07-26T12:00:00+07:00");
        var dossiers = new[]
        {
            // Received Mon 3 Jul, 5 working days (due Mon 10 Jul 09:00), resolved Tue 11 Jul: late in week 2.
            new DossierBuilder()
                .Code("A")
                .ReceivedAt("2023-07-03T09:00:00+07:00")
                .FinishedAt("2023-07-11T09:00:00+07:00"),
            // Received Thu 29 Jun (before the series), due Thu 6 Jul, resolved Wed 5 Jul: in week 1, in time.
            new DossierBuilder()
                .Code("B")
                .ReceivedAt("2023-06-29T09:00:00+07:00")
                .FinishedAt("2023-07-05T09:00:00+07:00"),
            // Received Mon 10 Jul, due Mon 17 Jul 09:00, still open: in time at the end of week 2, late after.
            new DossierBuilder()
                .Code("C")
                .ReceivedAt("2023-07-10T09:00:00+07:00"),
            // Received Mon 17 Jul, two supplement requests: late in every week it counts in.
            new DossierBuilder()
                .Code("D")
                .ReceivedAt("2023-07-17T09:00:00+07:00")
                .SupplementRequested("2023-07-17T10:00:00+07:00")
                .SupplementCompleted("2023-07-18T10:00:00+07:00")
                .SupplementRequested("2023-07-19T10:00:00+07:00"),
            // Received Mon 24 Jul, open, due Mon 31 Jul: in time as of now.
            new DossierBuilder()
                .Code("E")
                .ReceivedAt("2023-07-24T09:00:00+07:00"),
            // Ended before the series: counts nowhere.
            new DossierBuilder()
                .Code("F")
                .ReceivedAt("2023-06-26T09:00:00+07:00")
                .FinishedAt("2023-06-28T09:00:00+07:00"),
        };

        var series = new NationalOnTimeSeries(weeks, asOf);
        foreach (var b in dossiers)
        {
            var d = b.Build();
            var end = NationalEnd.Of(d);
            series.Add(d.ReceivedAt, end, end is { } e && NationalEnd.IsInTime(d, e), d.SupplementCount, d.DueAt);
        }

        // Week 1: A (open, in time), B (ended in time) → 2/2. Week 2: A (ended late), C (open, in time at
        // Sun 16 Jul) → 1/2. Week 3: C (open, late at Sun 23 Jul), D (two requests, late) → 0/2. Week 4: C, D
        // late, E in time as of Wed 26 Jul → 1/3.
        Assert.That(
            series.Ratios(),
            Is.EqualTo(new[] { new Ratio(2, 2), new Ratio(1, 2), new Ratio(0, 2), new Ratio(1, 3) })
        );
        // And each point is what the per-dossier rule gives for that week alone.
        var perWeek = weeks.Select(w =>
            Ratio.Sum(dossiers.Select(b => DossierContributions.NationalOnTime(b.Build(), w, asOf, Weekdays)))
        );
        Assert.That(series.Ratios(), Is.EqualTo(perWeek));
    }

    [Test]
    public void Ratios_ForRandomDossiersByDay_EqualThePerDossierRule()
    {
        var random = new Random(20261204);
        var days = Period.Range(new(2023, 7, 1), new(2023, 8, 31)).Split(SeriesInterval.Day).ToList();
        var asOf = Parse.At("2023-08-20T15:00:00+07:00");
        var start = Parse.At("2023-06-15T08:00:00+07:00");
        var dossiers = Enumerable
            .Range(0, 300)
            .Select(i =>
            {
                var received = start.AddHours(random.Next(0, 24 * 70));
                var b = new DossierBuilder().Code($"R{i}").ReceivedAt(received.ToString("O"));
                if (random.Next(4) == 0)
                {
                    b.SupplementRequested(received.AddHours(random.Next(1, 48)).ToString("O"));
                    if (random.Next(2) == 0)
                    {
                        b.SupplementCompleted(received.AddHours(random.Next(49, 96)).ToString("O"));
                    }
                }

                if (random.Next(3) > 0)
                {
                    b.FinishedAt(received.AddHours(random.Next(97, 24 * 20)).ToString("O"));
                }

                return b.Build();
            })
            .ToList();

        var series = new NationalOnTimeSeries(days, asOf);
        foreach (var d in dossiers)
        {
            var end = NationalEnd.Of(d);
            series.Add(d.ReceivedAt, end, end is { } e && NationalEnd.IsInTime(d, e), d.SupplementCount, d.DueAt);
        }

        var perDay = days.Select(day =>
            Ratio.Sum(dossiers.Select(d => DossierContributions.NationalOnTime(d, day, asOf, Weekdays)))
        );
        Assert.That(series.Ratios(), Is.EqualTo(perDay));
        Assert.That(series.Ratios().Sum(r => r.Denominator), Is.GreaterThan(1000), "the sample exercises the rule");
    }
}
