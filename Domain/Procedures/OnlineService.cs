namespace Scorecard.Domain.Procedures;

/// <summary>Online public service level: full [toàn trình], partial [một phần], or none.</summary>
public enum OnlineService
{
    Full,
    Partial,
    None,
}
