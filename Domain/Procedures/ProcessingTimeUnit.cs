namespace Scorecard.Domain.Procedures;

public enum ProcessingTimeUnit
{
    WorkingDays,
    Days,
    Hours,
}
