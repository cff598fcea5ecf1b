namespace Scorecard.Domain.Time;

/// <summary>
/// Vietnam local time (UTC+07:00, no daylight saving). Day boundaries, dates and periods are
/// always Vietnam-local; instants are stored and compared in UTC.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateTimeOffset StartOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
