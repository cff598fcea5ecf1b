using Scorecard.Infrastructure.Feeds.Model;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>The entity sets of <c>/odata</c> and the SQL each property is read from.</summary>
internal static class Feeds
{
    private const string SubtreeIds = "SELECT sc.descendant_id FROM unit_closure sc WHERE sc.ancestor_id = @__scope";
    private const string SubtreeCodes =
        "SELECT su.code FROM units su JOIN unit_closure sc ON sc.descendant_id = "
        + "su.id WHERE sc.ancestor_id = @__scope";

    /// <summary>
    /// Finished dossiers keep the timeliness they were folded with; an open one is overdue once its
    /// deadline is behind <c>@__now</c>, except while it waits for a supplement (the clock is then
    /// stopped, so it is overdue only if the deadline had passed before the request).
    /// </summary>
    private const string Timeliness = """
        CASE WHEN d.timeliness IS NOT NULL THEN d.timeliness
             WHEN d.status IN ('withdrawn', 'refused') OR d.finished_at IS NOT NULL THEN NULL
             WHEN d.due_at IS NULL THEN 'in-time'
             WHEN d.supplement_open_since IS NOT NULL AND d.supplement_open_since < @__now
                  THEN CASE WHEN d.due_at < d.supplement_open_since THEN 'overdue' ELSE 'in-time' END
             WHEN d.due_at < @__now THEN 'overdue'
             ELSE 'in-time' END
        """;

    public static IReadOnlyList<FeedDefinition> For(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var procedureColumns = ProcedureColumns(join: null);
        var sets = new Dictionary<string, FeedDefinition>(StringComparer.Ordinal);
        FeedDefinition Set(string name) => sets[name];
        FeedDefinition[] all =
        [
            Units(Set),
            new FeedDefinition
            {
                EntitySet = "Procedures",
                ClrType = typeof(Procedure),
                Table = "procedures p",
                Columns = procedureColumns,
                Key = [nameof(Procedure.Code)],
                ScopePredicate = "1 = 1",
            },
            Dossiers(),
            new FeedDefinition
            {
                EntitySet = "Indicators",
                ClrType = typeof(Indicator),
                Table = "indicators i",
                Key = [nameof(Indicator.Code)],
                ScopePredicate = "1 = 1",
                Columns = IndicatorColumns(join: null),
            },
            TargetAssignments(dialect),
            new FeedDefinition
            {
                EntitySet = "IndicatorValues",
                ClrType = typeof(IndicatorValue),
                Table = "indicator_values v",
                Key =
                [
                    nameof(IndicatorValue.UnitCode),
                    nameof(IndicatorValue.IndicatorCode),
                    nameof(IndicatorValue.Period),
                    nameof(IndicatorValue.Structure),
                ],
                ScopePredicate = $"v.unit_code IN ({SubtreeCodes})",
                Default = new FeedDefault(nameof(IndicatorValue.Structure), $"v.structure = '{FigureStructure.AsOf}'"),
                Joins = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["u"] = "LEFT JOIN units u ON u.code = v.unit_code",
                    ["i"] = "LEFT JOIN indicators i ON i.code = v.indicator_code",
                },
                Navigations = UnitAndIndicator("v"),
                Columns =
                [
                    new(nameof(IndicatorValue.UnitCode), "v.unit_code", false, Ansi: true),
                    new(nameof(IndicatorValue.IndicatorCode), "v.indicator_code", false, Ansi: true),
                    new(nameof(IndicatorValue.Period), "v.period", false, Ansi: true),
                    new(nameof(IndicatorValue.Structure), "v.structure", false, Ansi: true),
                    new(nameof(IndicatorValue.PeriodType), "v.period_type", false, Ansi: true),
                    new(nameof(IndicatorValue.PeriodStart), "v.period_start", false),
                    new(nameof(IndicatorValue.PeriodEnd), "v.period_end", false),
                    new(nameof(IndicatorValue.Numerator), "v.numerator", false),
                    new(nameof(IndicatorValue.Denominator), "v.denominator", false),
                    new(nameof(IndicatorValue.Value), "v.value", true),
                    new(nameof(IndicatorValue.Band), "v.band", false, Ansi: true),
                    new(nameof(IndicatorValue.Target), "v.target", true),
                ],
            },
            IndexScores(),
            AuditEntries(),
        ];
        foreach (var feed in all)
        {
            sets[feed.EntitySet] = feed;
        }

        return all;
    }

    private static FeedDefinition IndexScores() =>
        new()
        {
            EntitySet = "IndexScores",
            ClrType = typeof(IndexScore),
            Table = "index_scores x",
            Key =
            [
                nameof(IndexScore.UnitCode),
                nameof(IndexScore.Period),
                nameof(IndexScore.Code),
                nameof(IndexScore.Structure),
            ],
            ScopePredicate = $"x.unit_code IN ({SubtreeCodes})",
            Default = new FeedDefault(nameof(IndexScore.Structure), $"x.structure = '{FigureStructure.AsOf}'"),
            Joins = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["u"] = "LEFT JOIN units u ON u.code = x.unit_code",
            },
            Navigations =
            [
                new FeedNavigation(
                    nameof(IndexScore.Unit),
                    typeof(Unit),
                    "u",
                    UnitColumns("u", "u"),
                    "u.code",
                    "x.unit_code"
                ),
            ],
            Columns =
            [
                new(nameof(IndexScore.UnitCode), "x.unit_code", false, Ansi: true),
                new(nameof(IndexScore.Period), "x.period", false, Ansi: true),
                new(nameof(IndexScore.Code), "x.code", false, Ansi: true),
                new(nameof(IndexScore.Structure), "x.structure", false, Ansi: true),
                new(nameof(IndexScore.Kind), "x.kind", false, Ansi: true),
                new(nameof(IndexScore.GroupCode), "x.group_code", true, Ansi: true),
                new(nameof(IndexScore.IndicatorCode), "x.indicator_code", true, Ansi: true),
                new(nameof(IndexScore.PeriodType), "x.period_type", false, Ansi: true),
                new(nameof(IndexScore.PeriodStart), "x.period_start", false),
                new(nameof(IndexScore.PeriodEnd), "x.period_end", false),
                new(nameof(IndexScore.Numerator), "x.numerator", true),
                new(nameof(IndexScore.Denominator), "x.denominator", true),
                new(nameof(IndexScore.Value), "x.value", true),
                new(nameof(IndexScore.Threshold), "x.threshold", true),
                new(nameof(IndexScore.Points), "x.points", false),
                new(nameof(IndexScore.MaxPoints), "x.max_points", false),
                new(nameof(IndexScore.Status), "x.status", true, Ansi: true),
            ],
        };

    /// <summary>
    /// Units with their relationships: the parent (a join), the children, the successors (through
    /// <c>unit_successors</c>) and the dossiers received at the unit.
    /// </summary>
    private static FeedDefinition Units(Func<string, FeedDefinition> set) =>
        new()
        {
            EntitySet = "Units",
            ClrType = typeof(Unit),
            Table = "units u",
            Columns = UnitColumns("u", join: null),
            Key = [nameof(Unit.Code)],
            ScopePredicate = $"u.id IN ({SubtreeIds})",
            Joins = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["pu"] = "LEFT JOIN units pu ON pu.code = u.parent_code",
                ["us"] = "JOIN unit_successors us ON us.successor_code = u.code",
            },
            Navigations =
            [
                new FeedNavigation(
                    nameof(Unit.Parent),
                    typeof(Unit),
                    "pu",
                    UnitColumns("pu", "pu"),
                    "u.code",
                    "u.parent_code"
                ),
            ],
            Collections =
            [
                new FeedCollection(nameof(Unit.Children), () => set("Units"), nameof(Unit.Code), "u.parent_code"),
                new FeedCollection(
                    nameof(Unit.Successors),
                    () => set("Units"),
                    nameof(Unit.Code),
                    "us.unit_code",
                    "us"
                ),
                new FeedCollection(nameof(Unit.Dossiers), () => set("Dossiers"), nameof(Unit.Code), "u.code", "u"),
            ],
        };

    /// <summary>A figure's or target's unit and indicator, joined on the codes the row holds (table alias
    /// <paramref name="alias"/>).</summary>
    private static List<FeedNavigation> UnitAndIndicator(string alias) =>
        [
            new FeedNavigation(
                nameof(IndicatorValue.Unit),
                typeof(Unit),
                "u",
                UnitColumns("u", "u"),
                "u.code",
                alias + ".unit_code"
            ),
            new FeedNavigation(
                nameof(IndicatorValue.Indicator),
                typeof(Indicator),
                "i",
                IndicatorColumns("i"),
                "i.code",
                alias + ".indicator_code"
            ),
        ];

    private static List<FeedColumn> IndicatorColumns(string? join) =>
        [
            new(nameof(Indicator.Code), "i.code", false, Ansi: true, Join: join),
            new(nameof(Indicator.Name), "i.name", false, Join: join),
            new(nameof(Indicator.Kind), "i.kind", false, Ansi: true, Join: join),
        ];

    private static FeedDefinition Dossiers() =>
        new()
        {
            EntitySet = "Dossiers",
            ClrType = typeof(Dossier),
            Table = "dossiers d",
            Joins = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["u"] = "JOIN units u ON u.id = d.unit_id",
                ["p"] = "JOIN procedures p ON p.id = d.procedure_id",
            },
            Key = [nameof(Dossier.Source), nameof(Dossier.Code)],
            ScopePredicate = $"d.unit_id IN ({SubtreeIds})",
            Columns =
            [
                new(nameof(Dossier.Source), "d.source", false, Ansi: true),
                new(nameof(Dossier.Code), "d.code", false, Ansi: true),
                new(nameof(Dossier.ProcedureCode), "p.code", false, Ansi: true, Join: "p"),
                new(nameof(Dossier.UnitCode), "u.code", false, Ansi: true, Join: "u"),
                new(nameof(Dossier.Channel), "d.channel", false, Ansi: true),
                new(nameof(Dossier.Status), "d.status", false, Ansi: true),
                new(nameof(Dossier.Timeliness), Timeliness, true),
                new(nameof(Dossier.ReceivedAt), "d.received_at", false),
                new(nameof(Dossier.DueAt), "d.due_at", true),
                new(nameof(Dossier.FinishedAt), "d.finished_at", true),
                new(nameof(Dossier.ReturnedAt), "d.returned_at", true),
                new(nameof(Dossier.SupplementCount), "d.supplement_count", false),
                new(nameof(Dossier.FeeRequired), "d.fee_required", false),
                new(nameof(Dossier.PaidOnline), "d.paid_online", false),
                new(nameof(Dossier.AmountPaid), "d.amount_paid", false),
                new(nameof(Dossier.Digitised), "d.digitised", false),
                new(nameof(Dossier.ElectronicResult), "d.electronic_result", false),
                new(nameof(Dossier.PopulationDbUsed), "d.population_db_used", false),
                new(nameof(Dossier.VneidAuthenticated), "d.vneid_authenticated", false),
                new(nameof(Dossier.ReusedDigitisedData), "d.reused_digitised_data", false),
                new(nameof(Dossier.FromPersonalDataStore), "d.from_personal_data_store", false),
                new(nameof(Dossier.FeeWaived), "d.fee_waived", false),
                new(nameof(Dossier.PaperResult), "d.paper_result", false),
                new(nameof(Dossier.FullOnlineEligible), "d.full_online_eligible", false),
                new(nameof(Dossier.Complaint), "d.complaint", false),
                new(nameof(Dossier.EndedAt), "d.ended_at", true),
                new(nameof(Dossier.EndedInTime), "d.ended_in_time", true),
            ],
            Navigations =
            [
                new FeedNavigation(nameof(Dossier.Unit), typeof(Unit), "u", UnitColumns("u", "u"), "u.id", "d.unit_id"),
                new FeedNavigation(
                    nameof(Dossier.Procedure),
                    typeof(Procedure),
                    "p",
                    ProcedureColumns("p"),
                    "p.id",
                    "d.procedure_id"
                ),
            ],
        };

    /// <summary>Admin keys only (the controller says so); a scoped admin sees the entries of its subtree's
    /// units.</summary>
    private static FeedDefinition AuditEntries() =>
        new()
        {
            EntitySet = "AuditEntries",
            ClrType = typeof(AuditEntry),
            Table = "audit_entries a",
            Key = [nameof(AuditEntry.Id)],
            ScopePredicate = $"a.unit_code IN ({SubtreeCodes})",
            Columns =
            [
                new(nameof(AuditEntry.Id), "a.id", false),
                new(nameof(AuditEntry.At), "a.at", false),
                new(nameof(AuditEntry.KeyId), "a.key_id", true),
                new(nameof(AuditEntry.KeyName), "a.key_name", false),
                new(nameof(AuditEntry.Entity), "a.entity", false),
                new(nameof(AuditEntry.EntityKey), "a.entity_key", false),
                new(nameof(AuditEntry.Action), "a.action", false),
                new(nameof(AuditEntry.UnitCode), "a.unit_code", true),
                new(nameof(AuditEntry.Before), "a.before_json", true),
                new(nameof(AuditEntry.After), "a.after_json", true),
            ],
        };

    private static FeedDefinition TargetAssignments(SqlDialect dialect)
    {
        var id = dialect.Concat(
            dialect.Concat(
                dialect.Concat(dialect.Concat(dialect.Concat("t.unit_code", "'/'"), "t.indicator_code"), "'/'"),
                "t.period_code"
            ),
            $"CASE WHEN t.applies_to_level = '' THEN '' ELSE {dialect.Concat("'/'", "t.applies_to_level")} END"
        );
        return new FeedDefinition
        {
            EntitySet = "TargetAssignments",
            ClrType = typeof(TargetAssignment),
            Table = "targets t",
            Key = [nameof(TargetAssignment.Id)],
            ScopePredicate = $"t.unit_code IN ({SubtreeCodes})",
            Joins = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["u"] = "LEFT JOIN units u ON u.code = t.unit_code",
                ["i"] = "LEFT JOIN indicators i ON i.code = t.indicator_code",
            },
            Navigations = UnitAndIndicator("t"),
            Columns =
            [
                new(nameof(TargetAssignment.Id), id, false),
                new(nameof(TargetAssignment.UnitCode), "t.unit_code", false, Ansi: true),
                new(nameof(TargetAssignment.IndicatorCode), "t.indicator_code", false, Ansi: true),
                new(nameof(TargetAssignment.Period), "t.period_code", false, Ansi: true),
                new(nameof(TargetAssignment.Target), "t.target", false),
                new(nameof(TargetAssignment.Baseline), "t.baseline", true),
                new(nameof(TargetAssignment.AssignedBy), "t.assigned_by", false, Ansi: true),
                new(nameof(TargetAssignment.AppliesToLevel), "NULLIF(t.applies_to_level, '')", true, Ansi: true),
                new(nameof(TargetAssignment.Reference), "t.reference", true),
            ],
        };
    }

    /// <summary>A unit's columns read from the units table aliased <paramref name="alias"/>.</summary>
    private static List<FeedColumn> UnitColumns(string alias, string? join) =>
        [
            new(nameof(Unit.Code), alias + ".code", false, Ansi: true, Join: join),
            new(nameof(Unit.Name), alias + ".name", false, Join: join),
            new(nameof(Unit.Level), alias + ".level", false, Ansi: true, Join: join),
            new(nameof(Unit.Kind), alias + ".kind", false, Ansi: true, Join: join),
            new(nameof(Unit.ParentCode), alias + ".parent_code", true, Ansi: true, Join: join),
            new(nameof(Unit.ValidFrom), alias + ".valid_from", true, Join: join),
            new(nameof(Unit.ValidTo), alias + ".valid_to", true, Join: join),
            new(nameof(Unit.PrimarySuccessor), PrimarySuccessor(alias), true, Ansi: true, Join: join),
        ];

    // The successor named primary, else the only one (README "Units across reorganisations").
    private static string PrimarySuccessor(string alias) =>
        $"""
            COALESCE((SELECT MIN(s.successor_code) FROM unit_successors s
                      WHERE s.unit_code = {alias}.code AND s.is_primary = 1),
                     (SELECT MIN(s.successor_code) FROM unit_successors s
                      WHERE s.unit_code = {alias}.code HAVING COUNT(*) = 1))
            """;

    private static List<FeedColumn> ProcedureColumns(string? join) =>
        [
            new(nameof(Procedure.Code), "p.code", false, Ansi: true, Join: join),
            new(nameof(Procedure.Name), "p.name", false, Join: join),
            new(nameof(Procedure.Field), "p.field", false, Join: join),
            new(nameof(Procedure.Level), "p.level", false, Ansi: true, Join: join),
            new(nameof(Procedure.OnlineService), "p.online_service", false, Ansi: true, Join: join),
            new(nameof(Procedure.Integrated), "p.integrated", false, Join: join),
            new(nameof(Procedure.HasFee), "p.has_fee", false, Join: join),
            new(nameof(Procedure.PersonApplicant), "p.person_applicant", false, Join: join),
            new(nameof(Procedure.PaperResult), "p.paper_result", false, Join: join),
            new(nameof(Procedure.FullOnlineEligible), "p.full_online_eligible", true, Join: join),
            new(nameof(Procedure.OnlinePaymentOnPortal), "p.online_payment_on_portal", false, Join: join),
            new(nameof(Procedure.ProcessingTimeValue), "p.processing_time_value", true, Join: join),
            new(nameof(Procedure.ProcessingTimeUnit), "p.processing_time_unit", true, Ansi: true, Join: join),
        ];
}
