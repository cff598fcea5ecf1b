namespace Scorecard.Domain.Calendar;

/// <summary>
/// An exception to the Monday–Friday week: a holiday, or a make-up working day (a swapped Saturday).
/// Wire names <c>holiday</c> and <c>working-day</c>.
/// </summary>
public enum CalendarDayKind
{
    Holiday,
    WorkingDay,
}
