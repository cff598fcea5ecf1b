namespace Scorecard.Infrastructure.Reports;

/// <summary>An admin-reported figure of a unit for one period (e.g. VNeID activations 447,246 of 738,291).</summary>
public sealed record ReportedValue(string Indicator, string UnitCode, string Period, long Numerator, long Denominator);
