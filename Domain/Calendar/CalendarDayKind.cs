namespace Scorecard.Domain.Calendar;

public enum CalendarDayKind
{
    Holiday,
    WorkingDay,
}
