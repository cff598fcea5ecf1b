namespace Scorecard.Infrastructure.Audit;

/// <summary>
/// The names the audit trail gives the things it records. <see cref="All"/> is what <c>GET /api/audit?entity=</c>
/// accepts: a feature that records a new kind of thing adds its name here and in README's table.
/// </summary>
public static class AuditEntities
{
    public const string Unit = "unit";
    public const string Procedure = "procedure";
    public const string CalendarDay = "calendar-day";
    public const string OfficeHours = "office-hours";
    public const string Indicator = "indicator";
    public const string IndicatorBands = "indicator-bands";
    public const string Target = "target";
    public const string IndicatorValue = "indicator-value";
    public const string ApiKey = "api-key";
    public const string IndexDefinition = "index-definition";
    public const string Publication = "publication";
    public const string StatusMapping = "status-mapping";

    public static readonly IReadOnlyList<string> All =
    [
        Unit,
        Procedure,
        CalendarDay,
        OfficeHours,
        Indicator,
        IndicatorBands,
        Target,
        IndicatorValue,
        ApiKey,
        IndexDefinition,
        Publication,
        StatusMapping,
    ];
}
