namespace Scorecard.Bench.National;

/// <summary>
/// The reads measured, each with its goal (p95 in ms; null: no goal, measured beside one for comparison). A feed
/// read is followed by its next links to the end; the routes under <c>/api</c> answer one document.
/// </summary>
internal static class NationalRoutes
{
    /// <summary>A merged province (06 absorbed 35 on 1 July 2025).</summary>
    public const string Province = "06";

    /// <param name="GrowsWith">What the read's cost grows with, stated where its goal is missed.</param>
    public sealed record Route(string Name, string Url, double? Goal, string GrowsWith, int? ExpectedRows = null);

    public const string MemoryGrowsWith =
        "RSS holds the pages of the database file SQLite maps (up to 1 GiB, `mmap_size`) besides the process's own "
        + "memory (RssAnon). The first refresh computes and writes the indicator values in steps of whole periods of "
        + "at most `IndicatorValues:StepRows` rows: its own memory grows with one step's rows (units × indicators × "
        + "periods of the step × the two readings) and with the reference data (units, procedures), not with the "
        + "number of periods, days or dossiers.";

    public static readonly Route[] All =
    [
        new(
            "(1) nationwide commune map, one indicator, half-year (IndicatorValues feed, today's communes)",
            "/odata/IndicatorValues?$filter=Unit/Level eq 'commune' and IndicatorCode eq 'on-time'"
                + " and Period eq '2025-H2' and Structure eq 'current'"
                + "&$select=UnitCode,Numerator,Denominator,Value,Band",
            100,
            "the units of the reading: every row of the indicator, period and structure is read through "
                + "ix_indicator_values_period, joined to its unit for the level, and the communes' rows are written "
                + "out; not days, procedures or dossiers.",
            NationalUnits.NewCommunes
        ),
        new(
            "(1′) nationwide commune map, one indicator, half-year, /api/map without a parent",
            "/api/map?indicator=on-time&period=2025-H2&level=commune",
            100,
            "the units of the level and the months of the period: each commune's monthly facts are summed over its "
                + "subtree, with the months before the period for the dossiers carried into it (the national on-time "
                + "rule); not the dossiers.",
            NationalUnits.NewCommunes
        ),
        new(
            "(2) the 34 provinces ranked by the index, year (IndexScores feed)",
            "/odata/IndexScores?$filter=Code eq 'index' and Period eq '2025' and Structure eq 'current'"
                + " and Unit/Level eq 'province' and Unit/Kind eq 'locality'"
                + "&$orderby=Points desc&$select=UnitCode,Points,MaxPoints",
            50,
            "the units of the reading: the index rows of the period and structure are read through "
                + "ix_index_scores_period, joined to their units for level and kind, and sorted by points; not days, "
                + "procedures or dossiers.",
            NationalUnits.NewProvinces
        ),
        new(
            "(2′) the 34 provinces ranked by the index, half-year, /api/rankings without a parent",
            "/api/rankings?indicator=index&period=2025-H2&level=province&kind=locality",
            50,
            "the provinces and the months of the period: every indicator of the index summed over each province's "
                + "subtree, and the procedures its units used (procedure_reach); not the dossiers.",
            NationalUnits.NewProvinces
        ),
        new(
            "(3) province scorecard with byLevel, year",
            $"/api/scorecards/{Province}?period=2025",
            50,
            "it is computed from the facts, not read from indicator_values: the units under the province × the months "
                + "read (whole months from monthly_facts, partial ones from daily_facts, and every month before the "
                + "period for the dossiers carried into it), per level, and the procedures those units used "
                + "(procedure_reach, for 3.5b and 4.5a); not the dossiers."
        ),
        new(
            "(3′) province scorecard with byLevel, year, today's structure",
            $"/api/scorecards/{Province}?period=2025&structure=current",
            null,
            ""
        ),
        new(
            "(4) IndicatorValues filtered page ($filter on unit, indicator, period; $top=100)",
            $"/odata/IndicatorValues?$filter=Unit/ParentCode eq '{Province}' and IndicatorCode eq 'on-time'"
                + " and Period eq '2025-07'&$top=100",
            20,
            "the rows read to fill the page: the filter seeks the period, indicator and structure "
                + "(ix_indicator_values_period) and tests each row's unit for the parent, so a page of a small "
                + "province's units reads up to all the units of the reading.",
            100
        ),
    ];
}
