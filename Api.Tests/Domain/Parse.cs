using System.Globalization;

namespace Scorecard.Api.Tests.Domain;

/// <summary>Invariant-culture parsing shorthands for readable test tables.</summary>
internal static class Parse
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, Culture);

    public static DateOnly Day(string date) => DateOnly.Parse(date, Culture);
}
