namespace Scorecard.Domain.Calendar;

public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
