namespace Scorecard.Domain.Calendar;

/// <summary>One calendar entry: a holiday or a make-up working day on a Vietnam date.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
