using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// For every statement <see cref="SqlServerSyntaxTests"/> parses, the parameters its text names (@-tokens,
/// less DECLAREd locals, @@ globals and the parameter names of an EXEC) are among those the code that runs it
/// passes. The table below says, per statement, what its caller passes (the members of the anonymous object
/// or the names it binds); a statement added without an entry fails until one is written.
/// </summary>
public sealed class SqlServerParameterTests
{
    private static readonly Dictionary<string, string[]> Passed = new(StringComparer.Ordinal)
    {
        ["UnitStore.SelectUnitsSql"] = [],
        ["UnitStore.SelectSuccessorsSql"] = [],
        ["UnitStore.SelectExternalIdsSql"] = [],
        ["UnitWrites.UpdateSql"] = Names("Code Name Level Kind ParentCode ValidFrom ValidTo Now"),
        ["UnitWrites.InsertSql"] = Names("Code Name Level Kind ParentCode ValidFrom ValidTo Now"),
        ["UnitWrites.DeleteSuccessorsSql"] = Names("Code"),
        ["UnitWrites.InsertSuccessorSql"] = Names("Code SuccessorCode IsPrimary"),
        ["UnitWrites.DeleteExternalIdsSql"] = Names("Code"),
        ["UnitWrites.InsertExternalIdSql"] = Names("Code System ExternalId"),
        ["UnitWrites.DeleteClosureSql"] = [],
        ["UnitWrites.InsertClosureSql"] = Names("Ancestor Descendant Depth"),
        ["FactsQuery.SelfSql"] = Names("UnitId From To"),
        ["FactsQuery.ByHandlerLevelSql"] = Names("UnitId From To"),
        ["FactsQuery.ByUnitOfLevelSql"] = Names("ParentId Level Kind FirstDay LastDay From To"),
        ["FactsQuery.ByLevelSql"] = Names("ParentId Level Kind FirstDay LastDay From To"),
        ["FactsQuery.ByLevelBelowRootsSql"] = Names("ParentId Level Kind FirstDay LastDay From To"),
        ["FactsQuery.RootsOfLevelSql"] = Names("ParentId Level Kind FirstDay LastDay From To"),
        ["FactsQuery.DailySubtreeSql"] = Names("UnitId From To"),
        ["FactsQuery.DailySelfSql"] = Names("UnitId From To"),
        ["FactsQuery.DailyWideSubtreeSql"] = Names("UnitId From To"),
        ["FactsQuery.ShapeSql"] = Names("UnitId"),
        ["FactsQuery.DailyRootSql"] = Names("UnitId From To"),
        ["RootDailyFacts.SumRootDaysSql"] = Names("From To"),
        ["RootDailyFacts.DeleteDaysSql"] = Names("From To"),
        ["RootDailyFacts.DeleteOutsideSql"] = Names("From To"),
        ["RootDailyFacts.InsertDaySql"] = Names(
            "UnitId Day Received Online FeeRequired PaidOnline Digitised PaperResult ElectronicResult PopulationDbUsed "
                + "FullOnlineEligible FullOnline ReusedData PersonalDataStore Complaints ChannelOnline ChannelDirect "
                + "ChannelPostal Finished FinishedOnTime Ended EndedInTime ReceivedManySupplements "
                + "EndedManySupplements Deadline DeadlineEnded"
        ),
        ["RootDailyFacts.DeleteCoverSql"] = [],
        ["RootDailyFacts.InsertCoverSql"] = Names("First Last"),
        ["RootDailyFacts.CoverSql"] = [],
        ["RootDailyFacts.MarkedSql"] = [],
        ["FactsQuery.EveryUnitSql"] = Names("From To"),
        ["NationalOnTimeQuery.LateSubtreeSql"] = Names("UnitId End At"),
        ["NationalOnTimeQuery.LateSelfSql"] = Names("UnitId End At"),
        ["NationalOnTimeQuery.LatePerUnitOfLevelSql"] = Names("ParentId Level Kind End At"),
        ["NationalOnTimeQuery.LatePerLevelSql"] = Names("ParentId Level Kind End At"),
        ["NationalOnTimeQuery.LateByHandlerLevelSql"] = Names("UnitId End At"),
        ["NationalOnTimeQuery.LateEveryUnitSql"] = Names("End At"),
        ["ProcedureReachQuery.OneUnitSql"] = Names(
            "UnitId FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start Edge2End"
        ),
        ["ProcedureReachQuery.UnitsOfLevelSql"] = Names(
            "ParentId Level Kind FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start "
                + "Edge2End"
        ),
        ["ProcedureReachQuery.LevelSql"] = Names(
            "ParentId Level Kind FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start "
                + "Edge2End"
        ),
        ["ProcedureReachQuery.EveryUnitSql"] = Names(
            "FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start Edge2End"
        ),
        ["ProcedureReachQuery.OneUnitOfYearSql"] = Names(
            "UnitId FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start Edge2End"
        ),
        ["ProcedureReachQuery.UnitsOfLevelOfYearSql"] = Names(
            "ParentId Level Kind FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start "
                + "Edge2End"
        ),
        ["ProcedureReachQuery.LevelOfYearSql"] = Names(
            "ParentId Level Kind FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start "
                + "Edge2End"
        ),
        ["ProcedureReachQuery.EveryUnitOfYearSql"] = Names(
            "FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start Edge2End"
        ),
        ["DossierRebuilder.FactsMissingSql"] = [],
        ["FactsQuery.PerUnitSql"] = Names("From To"),
        ["PublicationStore.SelectOfPeriodSql"] = Names("PeriodCode"),
        ["PublicationStore.SelectAllSql"] = [],
        ["SqlServerIndicatorValueReplace.DeleteIndexScoresSql"] = [],
        ["SqlServerIndicatorValueReplace.DeletePeriodIndexScoresSql"] = Names("Period"),
        ["SqlServerIndicatorValueReplace.InsertIndexScoreSql"] = Names(
            "UnitCode Period Code Structure Kind GroupCode IndicatorCode PeriodType PeriodStart PeriodEnd Numerator "
                + "Denominator Value Threshold Points MaxPoints Status"
        ),
        ["PublicationStore.SelectFiguresSql"] = Names("PublicationId Part"),
        ["PublicationStore.SelectIndicatorFiguresSql"] = Names("PublicationId Part Indicator"),
        ["PublicationStore.SelectUnitFiguresSql"] = Names("PublicationId UnitCode"),
        ["PublicationStore.NextIdSql"] = [],
        ["PublicationStore.InsertSql"] = Names(
            "Id UnitCode PeriodCode PublishedAt PublishedBy Note Supersedes Definition"
        ),
        ["PublicationStore.InsertFigureSql"] = Names(
            "PublicationId UnitCode Part Indicator Numerator Denominator Band"
        ),
        ["IndexDefinitionStore.SelectSql"] = [],
        ["StatusMappingStore.SelectSql"] = Names("Source"),
        ["StatusMappingStore.DeleteSql"] = Names("Source"),
        ["StatusMappingStore.InsertSql"] = Names("Source Code Meaning Now"),
        ["SqlServerDialect.SyncedEventsSql"] = Names("Source Codes"),
        ["IndexDefinitionStore.SelectOneSql"] = Names("ValidFrom"),
        ["IndexDefinitionStore.UpdateSql"] = Names("ValidFrom Definition Now"),
        ["IndexDefinitionStore.InsertSql"] = Names("ValidFrom Definition Now"),
        ["NationalOnTimeQuery.LatePerUnitSql"] = Names("End At"),
        ["ProcedureReachQuery.PairsOfYearSql"] = Names(
            "FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start Edge2End"
        ),
        ["ProcedureReachQuery.PieceSql"] = Names(
            "ReachId SubtreeId SingleId Level FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End "
                + "Edge2Start Edge2End"
        ),
        ["ProcedureReachQuery.PairsSql"] = Names(
            "FirstDay LastDay FromYear ToYear FromMonth ToMonth Edge1Start Edge1End Edge2Start Edge2End"
        ),
        ["ReportedValueStore.StoredSql"] = Names("Indicator UnitId Period Start End Numerator Denominator Now"),
        ["ReportedValueStore.UpdateSql"] = Names("Indicator UnitId Period Start End Numerator Denominator Now"),
        ["ReportedValueStore.InsertSql"] = Names("Indicator UnitId Period Start End Numerator Denominator Now"),
        ["ReportedValueStore.AllSql"] = [],
        ["ReportedValueStore.ForPeriodSql"] = Names("Period"),
        ["TargetStore.SelectSql"] = [],
        ["TargetStore.ListSql"] = [],
        ["TargetStore.ListForPeriodSql"] = Names("Period"),
        ["TargetStore.UpdateSql"] = Names(
            "UnitCode Indicator Period AppliesToLevel Target Baseline AssignedBy Reference Now"
        ),
        ["TargetStore.InsertSql"] = Names(
            "UnitCode Indicator Period AppliesToLevel Target Baseline AssignedBy Reference Now"
        ),
        ["ReferenceDataCache.UnitIdsSql"] = [],
        ["ReferenceDataCache.ProcedureIdsSql"] = [],
        ["ProcedureStore.SelectSql"] = [],
        ["ProcedureStore.ListSql"] = [],
        ["ProcedureStore.ListAtLevelSql"] = Names("Level"),
        ["ProcedureStore.FindSql"] = Names("Code"),
        ["ProcedureStore.UpdateSql"] = Names(
            "Code Name Field Level OnlineService Integrated HasFee PersonApplicant "
                + "ProcessingTimeValue ProcessingTimeUnit OnlineOnlyFrom OnlineOnlyTo PaperResult FullOnlineEligible "
                + "OnlinePaymentOnPortal Now"
        ),
        ["ProcedureStore.InsertSql"] = Names(
            "Code Name Field Level OnlineService Integrated HasFee PersonApplicant "
                + "ProcessingTimeValue ProcessingTimeUnit OnlineOnlyFrom OnlineOnlyTo PaperResult FullOnlineEligible "
                + "OnlinePaymentOnPortal Now"
        ),
        ["ApiKeyStore.InsertSql"] = Names("Id Name Role UnitCode Source KeyHash CreatedAt"),
        ["ApiKeyStore.OfSourceSql"] = Names("Source"),
        ["ApiKeyStore.ListSql"] = [],
        ["ApiKeyStore.FindActiveSql"] = Names("Id"),
        ["ApiKeyStore.RevokeSql"] = Names("Id Now"),
        ["SqlServerIngestionSql.LockSql"] = [],
        ["SqlServerIngestionSql.LoadEventsSql"] = Names("Keys"),
        ["SqlServerIngestionSql.LoadDossiersSql"] = Names("Keys"),
        ["SqlServerIngestionSql.ClassifyIdsSql"] = Names("Ids"),
        ["SqlServerIngestionSql.LastSequenceSql"] = [],
        ["SqlServerIngestionSql.InsertEventsSql"] = [],
        ["SqlServerIngestionSql.UpsertDossiersSql"] = [],
        ["SqlServerIngestionSql.AddDayFactsSql"] = [],
        ["SqlServerIngestionSql.AddMonthFactsSql"] = [],
        ["SqlServerIngestionSql.MarkMonthsSql"] = Names("Months"),
        ["SqlServerIngestionSql.ClearProjectionsSql"] = [],
        ["SqlServerIngestionSql.AddProcedureUseSql"] = Names("Uses"),
        ["ProcedureUseColumns.RebuildReachSql"] = [],
        ["SqlServerIngestionSql.ReadAllEventsSql"] = [],
        ["SqlServerStaging.CreateSql"] = [],
        ["SqlServerIndicatorValueReplace.LockSql"] = [],
        ["IndicatorValueStore.MarksSql"] = [],
        ["IndicatorValueStore.FactMonthsSql"] = [],
        ["IndicatorValueStore.StoredMonthsSql"] = [],
        ["IndicatorValueStore.OwnMonthsSql"] = Names("From To"),
        ["SqlServerIndicatorValueReplace.DeleteAllSql"] = [],
        ["SqlServerIndicatorValueReplace.DeletePeriodSql"] = Names("Period"),
        ["IndicatorValueStore.UnmarkSql"] = Names("Month Version"),
        ["SqlServerIndicatorValueReplace.InsertJsonSql"] = Names("Rows"),
        ["SqlServerDialect.MarkStaleSqlServerSql"] = Names("Month"),
        ["IndicatorStore.SelectSql"] = [],
        ["IndicatorStore.SelectBandsSql"] = [],
        ["IndicatorStore.UpdateSql"] = Names("Code Name Kind Description NameEn DescriptionEn Now"),
        ["IndicatorStore.InsertSql"] = Names("Code Name Kind Description NameEn DescriptionEn Now"),
        ["IndicatorStore.DeleteScaleSql"] = Names("Code ValidFrom"),
        ["IndicatorStore.InsertBandSql"] = Names("Code ValidFrom Position Min Color"),
        ["DossierReader.EventsSql"] = Names("Code"),
        ["CalendarStore.SelectSql"] = Names("From To"),
        ["CalendarStore.UpdateSql"] = Names("Date Kind Name"),
        ["CalendarStore.InsertSql"] = Names("Date Kind Name"),
        ["CalendarStore.DeleteSql"] = Names("Date"),
        ["DbConnectionFactory.PingSql"] = [],
        ["OfficeHoursStore.SelectSql"] = [],
        ["IndicatorStore.CountCodeSql"] = Names("Code"),
        ["OfficeHoursStore.DeleteAllSql"] = [],
        ["OfficeHoursStore.InsertSql"] = Names("ValidFrom Periods Cutoff"),
        ["SqlServerDialect.DatabaseSizeSqlServerSql"] = [],
        ["AuditTrail.InsertSql"] = Names("At KeyId KeyName Entity EntityKey Action UnitCode Before After"),
        ["SqlServerDialect.AuditPageSqlServerSql"] = Names("AfterId From To Entity KeyId Scope Limit"),
    };

    public static IEnumerable<TestCaseData> Statements() =>
        SqlServerSyntaxTests
            .Statements()
            .Select(t => new TestCaseData(t.Arguments[0], t.Arguments[1]).SetName($"Parameters_{t.Arguments[0]}"));

    [TestCaseSource(nameof(Statements))]
    public void Statement_Always_NamesOnlyParametersItsCallerPasses(string name, string sql)
    {
        Assert.That(
            Passed.TryGetValue(name, out var passed),
            Is.True,
            $"{name} has no entry in {nameof(Passed)}: add the parameter names its caller passes."
        );

        Assert.That(
            NamedParameters(sql).Except(passed!, StringComparer.Ordinal),
            Is.Empty,
            $"{name} names parameters its caller does not pass:\n{sql}"
        );
    }

    [Test]
    public void PassedTable_NamesOnlyStatementsThatAreChecked()
    {
        var checkedNames = Statements().Select(t => (string)t.Arguments[0]!).ToHashSet(StringComparer.Ordinal);

        Assert.That(Passed.Keys.Where(n => !checkedNames.Contains(n)), Is.Empty);
    }

    [TestCase("SELECT a FROM t WHERE b = @B AND c = @@ROWCOUNT", "B")]
    [TestCase("DECLARE @n int = @Start; SELECT @n + @End", "Start End")]
    [TestCase("EXEC sp_getapplock @Resource = N'x', @LockMode = @Mode", "Mode")]
    public void NamedParameters_LeaveOutLocalsGlobalsAndExecParameterNames(string sql, string expected)
    {
        Assert.That(NamedParameters(sql), Is.EquivalentTo(Names(expected)));
    }

    /// <summary>The parameters a statement's text names, without the @ (case kept: SQLite matches names
    /// exactly).</summary>
    private static HashSet<string> NamedParameters(string sql)
    {
        using var reader = new StringReader(SqlServerSyntaxTests.Expand(sql));
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.That(errors, Is.Empty, sql);
        var locals = new NotParameters();
        fragment.Accept(locals);
        return fragment
            .ScriptTokenStream.Select((token, index) => (token, index))
            .Where(t =>
                t.token.TokenType == TSqlTokenType.Variable
                && !t.token.Text.StartsWith("@@", StringComparison.Ordinal)
                && !locals.Tokens.Contains(t.index)
            )
            .Select(t => t.token.Text[1..])
            .Where(n => !locals.Declared.Contains(n))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string[] Names(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Variables that are not parameters: DECLAREd locals, and the parameter names in an EXEC (<c>@Resource =
    /// …</c>).</summary>
    private sealed class NotParameters : TSqlFragmentVisitor
    {
        public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<int> Tokens { get; } = [];

        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value.TrimStart('@'));

        public override void Visit(DeclareTableVariableBody node) =>
            Declared.Add(node.VariableName.Value.TrimStart('@'));

        public override void Visit(ExecuteParameter node)
        {
            if (node.Variable is { } name)
            {
                Tokens.Add(name.FirstTokenIndex);
            }
        }
    }
}
