namespace Scorecard.Domain.Procedures;

/// <summary>Online service level: full [toàn trình], partial [một phần], none.</summary>
public enum OnlineService
{
    Full,
    Partial,
    None,
}
