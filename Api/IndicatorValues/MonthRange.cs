namespace Scorecard.Api.IndicatorValues;

/// <summary>The months from <paramref name="First"/> to <paramref name="Last"/> (first days of months), both
/// included.</summary>
internal readonly record struct MonthRange(DateOnly First, DateOnly Last);
