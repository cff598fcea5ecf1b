using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Scorecard.Api.OData;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// What the feed translator sends to SQL Server, for a corpus of the queries analysts and Power Query
/// send: every page and count statement parses as T-SQL (TSql160Parser), and the parameters the text
/// names are exactly those supplied.
/// </summary>
public sealed class FeedSqlServerSyntaxTests
{
    private static readonly IEdmModel Model = ScorecardEdm.Build();

    private static readonly (string Set, string Query)[] Corpus =
    [
        ("Dossiers", ""),
        (
            "Dossiers",
            "$filter=UnitCode eq '49.SNV' and ReceivedAt ge 2024-01-01T00:00:00+07:00 and ReceivedAt lt "
                + "2024-02-01T00:00:00Z&$top=100"
        ),
        (
            "Dossiers",
            "$filter=Status in ('resolved','returned') and Timeliness ne 'late'&$orderby=ReceivedAt "
                + "desc&$count=true"
        ),
        (
            "Dossiers",
            "$filter=contains(tolower(Code),'snv') or startswith(ProcedureCode,'1.00') or endswith(Code,'_%[')"
        ),
        (
            "Dossiers",
            "$filter=year(ReceivedAt) eq 2024 and month(FinishedAt) le 6 and day(DueAt) gt 1 and "
                + "hour(ReceivedAt) lt 17 and minute(ReceivedAt) eq 0 and second(ReceivedAt) eq 0"
        ),
        (
            "Dossiers",
            "$filter=date(ReceivedAt) eq 2024-03-01 and FinishedAt ne null and not Digitised and PaidOnline "
                + "eq true"
        ),
        (
            "Dossiers",
            "$filter=AmountPaid div 1000 gt 20 and AmountPaid mod 7 eq 0 and SupplementCount add 1 sub 1 "
                + "mul 2 ge 0 and -SupplementCount lt 1"
        ),
        (
            "Dossiers",
            "$filter=length(Code) gt 3 and indexof(Code,'-') ge 0 and substring(Code,1) ne 'x' and "
                + "substring(Code,1,2) eq 'N.' and concat(Code,'x') ne trim(toupper(Code))"
        ),
        (
            "Dossiers",
            "$filter=Unit/Level eq 'commune' and "
                + "Procedure/HasFee&$select=Code,Status&$expand=Unit($select=Name),Procedure"
        ),
        (
            "Dossiers",
            "$filter=FinishedAt lt now() and Digitised eq (AmountPaid gt 0)&$orderby=FinishedAt,UnitCode "
                + "desc&$skip=200&$top=50"
        ),
        (
            "Dossiers",
            "$orderby=ReceivedAt "
                + "desc,UnitCode&$skiptoken="
                + SkipToken.After(new object?[] { DateTimeOffset.UnixEpoch, "49.SNV", "src", "D-1" }).ToString()
        ),
        (
            "Dossiers",
            "$filter=time(ReceivedAt) lt 12:30:00 and totaloffsetminutes(FinishedAt) eq 0 and "
                + "cast(AmountPaid,Edm.String) ne '0' and cast(AmountPaid,Edm.Double) div 2 gt 1.5"
                + "&$orderby=Unit/Name desc,Procedure/Code&$select=Code,Unit&$expand=Unit($select=Name)"
        ),
        (
            "Dossiers",
            "$orderby=Unit/Name desc&$skiptoken=" + SkipToken.After(new object?[] { "Xã A1", "src", "D-1" }).ToString()
        ),
        ("IndicatorValues", "$filter=cast(Value,Edm.Int32) eq 3 and cast(Numerator,Edm.Int64) ge 1"),
        (
            "Dossiers",
            "$orderby=FinishedAt desc,Timeliness&$skiptoken="
                + SkipToken.After(new object?[] { null, "late", "src", "D-1" }).ToString()
        ),
        (
            "Dossiers",
            "$orderby=FinishedAt,EndedInTime desc&$skiptoken="
                + SkipToken.After(new object?[] { DateTimeOffset.UnixEpoch, null, "src", "D-1" }).ToString()
        ),
        ("Units", "$filter=ValidTo eq null or ValidTo ge 2025-01-01&$orderby=Name"),
        (
            "Units",
            "$filter=Parent/Level eq 'province'&$orderby=Parent/Name&$expand=Parent($select=Name),"
                + "Children($filter=Level eq 'commune';$orderby=Name desc;$top=5;$select=Code),Successors,"
                + "Dossiers($filter=Unit/Level eq 'commune' and ReceivedAt ge 2025-01-01T00:00:00Z;$skip=2;$top=3)"
        ),
        (
            "IndicatorValues",
            "$filter=Unit/Level eq 'district' and Indicator/Kind eq 'built-in'&$orderby=Unit/Name desc"
                + "&$expand=Unit($select=Name),Indicator"
        ),
        ("TargetAssignments", "$filter=Unit/Kind eq 'locality'&$expand=Unit,Indicator($select=Name)"),
        (
            "IndexScores",
            "$filter=Kind eq 'group' and Points lt MaxPoints and Unit/Level eq 'commune'&$orderby=Points"
                + "&$expand=Unit($select=Name)"
        ),
        ("Units", "$filter=Code eq '49' or ParentCode in ('49','48',null)"),
        ("Procedures", "$filter=OnlineService ne 'none' and Integrated and ProcessingTimeValue ge 5&$select=Code,Name"),
        ("Indicators", "$filter=Kind eq 'reported'&$count=true"),
        ("TargetAssignments", "$filter=Period eq '2023-H2' and Target ge 60.5 and Baseline ne null&$orderby=Id"),
        ("TargetAssignments", "$skiptoken=" + SkipToken.After(new object?[] { "49/on-time/2023-H2" }).ToString()),
        (
            "IndicatorValues",
            "$filter=PeriodType eq 'month' and PeriodStart ge 2024-01-01 and round(Value) ge 90 and "
                + "floor(Value) ne ceiling(Value) and Band eq 'green'&$orderby=Value desc"
        ),
        (
            "IndicatorValues",
            "$orderby=Period&$skiptoken="
                + SkipToken.After(new object?[] { "2024-07", "49", "on-time", "as-of" }).ToString()
        ),
    ];

    public static IEnumerable<TestCaseData> Queries() =>
        Corpus.Select((c, i) => new TestCaseData(c.Set, c.Query).SetName($"Translate_{c.Set}_{i:00}"));

    [TestCaseSource(nameof(Queries))]
    public void Translation_ForSqlServer_ParsesAsTSqlWithExactlyTheSuppliedParameters(string set, string query)
    {
        var plan = Translate(set, query, scopeUnitId: 7);

        var statements = new List<(string Sql, Dapper.DynamicParameters Parameters)>
        {
            (plan.PageSql, plan.Parameters.Values),
            (plan.CountSql, plan.Parameters.Values),
        };
        statements.AddRange(plan.CollectionExpansions.Select(e => (e.Sql(3), e.ParametersFor(["49", "48", "47"]))));
        foreach (var (sql, parameters) in statements)
        {
            using var reader = new StringReader(sql);
            var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
            Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, sql);
            var named = fragment
                .ScriptTokenStream.Where(t => t.TokenType == TSqlTokenType.Variable)
                .Select(t => t.Text.TrimStart('@'))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var supplied = parameters.ParameterNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.That(named.Except(supplied), Is.Empty, "every parameter in the text is supplied: " + sql);
            if (sql != plan.CountSql)
            {
                Assert.That(
                    supplied.Except(named).Where(n => !n.StartsWith("__", StringComparison.Ordinal)),
                    Is.Empty,
                    "every literal supplied is used: " + sql
                );
            }
        }
    }

    [TestCase(
        "Dossiers",
        "filter(UnitCode eq '49' and ReceivedAt ge "
            + "2024-01-01T00:00:00Z)/groupby((Status,Channel),aggregate($count as Count,AmountPaid with sum as "
            + "Paid,SupplementCount with average as Supplements))",
        ""
    )]
    [TestCase(
        "Dossiers",
        "aggregate(ReceivedAt with min as First,ReceivedAt with max as Last,UnitCode with countdistinct as Units)",
        ""
    )]
    [TestCase(
        "IndicatorValues",
        "filter(Period eq '2024-H1')/groupby((IndicatorCode),aggregate(Numerator with sum "
            + "as N,Denominator with sum as D,Value with max as Best))",
        ""
    )]
    [TestCase(
        "Dossiers",
        "groupby((UnitCode),aggregate($count as N,AmountPaid with sum as Paid))/filter(N gt 5 and Paid ne 0)",
        "$filter=UnitCode ne '49' and N le 1000&$orderby=N desc,UnitCode&$top=10&$skip=20"
    )]
    [TestCase(
        "Dossiers",
        "filter(Digitised)/groupby((Unit/Level,Unit/Name,Procedure/Code,Status),aggregate($count as N))",
        "$filter=Unit/Level eq 'commune' and Procedure/Code ne null&$orderby=Unit/Name desc,N"
    )]
    [TestCase(
        "Units",
        "groupby((Parent/Level,Level),aggregate($count as N))/filter(N ge 2)",
        "$orderby=Parent/Level&$top=5"
    )]
    [TestCase(
        "IndicatorValues",
        "groupby((Unit/Level,Indicator/Kind,Structure),aggregate(Value with average as Mean))",
        "$filter=Mean gt 50.5 and Structure eq 'current'&$orderby=Mean desc&$skip=1"
    )]
    [TestCase("IndexScores", "aggregate(Points with sum as Total)", "$filter=Total gt 10")]
    public void Aggregation_ForSqlServer_ParsesAsTSqlWithExactlyTheSuppliedParameters(
        string set,
        string apply,
        string after
    )
    {
        var entitySet = Model.EntityContainer.FindEntitySet(set);
        var options = after
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        options["$apply"] = apply;
        var parser = new ODataQueryOptionParser(Model, entitySet.EntityType, entitySet, options);
        var parsed = parser.ParseApply();
        var aggregation = FeedAggregation.Build(
            Feeds.For(SqlDialect.SqlServer).Single(f => f.EntitySet == set),
            SqlDialect.SqlServer,
            parsed,
            7,
            DateTimeOffset.UnixEpoch,
            100,
            new FeedClauses(
                parser.ParseFilter(),
                parser.ParseOrderBy(),
                null,
                parser.ParseTop(),
                parser.ParseSkip(),
                null
            )
        );

        foreach (var sql in new[] { aggregation.Sql, aggregation.CountSql })
        {
            using var reader = new StringReader(sql);
            var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
            Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, sql);
            var named = fragment
                .ScriptTokenStream.Where(t => t.TokenType == TSqlTokenType.Variable)
                .Select(t => t.Text.TrimStart('@'))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.That(
                named.Except(aggregation.Parameters.Values.ParameterNames, StringComparer.OrdinalIgnoreCase),
                Is.Empty,
                sql
            );
            Assert.That(
                aggregation
                    .Parameters.Values.ParameterNames.Where(n => !n.StartsWith("__", StringComparison.Ordinal))
                    .Except(named, StringComparer.OrdinalIgnoreCase),
                Is.Empty,
                "every literal supplied is used: " + sql
            );
            Assert.That(sql, Does.Not.Contain("'49'").And.Not.Contain("'commune'"));
        }
    }

    [TestCase("Units('49')")]
    [TestCase("IndicatorValues(UnitCode='49',IndicatorCode='on-time',Period='2024-H1',Structure='as-of')")]
    [TestCase("TargetAssignments('49/on-time/2024')")]
    [TestCase("Dossiers(Source='src',Code='D-1')/Unit")]
    [TestCase("Dossiers(Source='src',Code='D-1')/Procedure")]
    [TestCase("Units('49')/Parent")]
    [TestCase("Units('49')/Children")]
    [TestCase("Units('49')/Successors")]
    [TestCase("Units('49')/Dossiers")]
    [TestCase("IndicatorValues(UnitCode='49',IndicatorCode='on-time',Period='2024-H1',Structure='as-of')/Unit")]
    [TestCase("TargetAssignments('49/on-time/2024')/Indicator")]
    public void KeyLookup_ForSqlServer_ParsesAsTSqlWithTheKeyAsParameters(string path)
    {
        var parsed = new ODataUriParser(Model, new Uri("http://s/odata/"), new Uri(path, UriKind.Relative)).ParsePath();
        var key = parsed.OfType<KeySegment>().Single();
        var feeds = Feeds.For(SqlDialect.SqlServer);
        var owner = feeds.Single(f => f.EntitySet == key.NavigationSource.Name);
        var (feed, lookup) = parsed.LastSegment is NavigationPropertySegment navigation
            ? (
                feeds.Single(f => f.EntitySet == navigation.NavigationSource.Name),
                new FeedLookup(
                    [.. key.Keys],
                    owner,
                    owner.Navigation(navigation.NavigationProperty.Name),
                    owner.Collection(navigation.NavigationProperty.Name)
                )
            )
            : (owner, new FeedLookup([.. key.Keys]));
        var clauses = new FeedClauses(null, null, null, null, null, null, lookup);

        var plan = FeedQuery.Build(feed, SqlDialect.SqlServer, clauses, 7, DateTimeOffset.UnixEpoch, 1);

        using var reader = new StringReader(plan.PageSql);
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, plan.PageSql);
        var named = fragment
            .ScriptTokenStream.Where(t => t.TokenType == TSqlTokenType.Variable)
            .Select(t => t.Text.TrimStart('@'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.That(named, Is.SupersetOf(plan.Parameters.Values.ParameterNames.Where(n => n.StartsWith('p'))));
        Assert.That(named, Is.SubsetOf(plan.Parameters.Values.ParameterNames), plan.PageSql);
        Assert.That(plan.PageSql, Does.Not.Contain("'49'").And.Not.Contain("'src'").And.Not.Contain("D-1"));
    }

    [Test]
    public void Translation_OfLiterals_NeverPutsThemInTheText()
    {
        var plan = Translate(
            "Dossiers",
            "$filter=Code eq 'x'' OR 1=1 --' or contains(Code,'DROP TABLE')",
            scopeUnitId: null
        );

        Assert.That(plan.PageSql, Does.Not.Contain("OR 1=1").And.Not.Contain("DROP"));
        Assert.That(plan.PageSql, Does.Contain("LIKE @p1 ESCAPE '\\'"));
    }

    [TestCase(
        "IndicatorValues",
        "$filter=Unit/ParentCode eq 'P' and IndicatorCode eq 'on-time'",
        "(v.unit_code IN (SELECT u.code FROM units u WHERE u.parent_code = @p0))"
    )]
    [TestCase(
        "IndexScores",
        "$filter='m' gt Unit/Name",
        "(x.unit_code IN (SELECT u.code FROM units u WHERE u.name < @p0))"
    )]
    [TestCase(
        "Dossiers",
        "$filter=Procedure/Level ge 'district'",
        "(d.procedure_id IN (SELECT p.id FROM procedures p WHERE p.level >= @p0))"
    )]
    [TestCase("Units", "$filter=Parent/Level eq 'province'", "(u.parent_code IN (SELECT pu.code FROM units pu WHERE")]
    public void Translation_OfANavigationColumnComparedWithALiteral_IsASemiJoinOnTheForeignKey(
        string set,
        string query,
        string semiJoin
    )
    {
        var plan = Translate(set, query, scopeUnitId: null);

        Assert.That(plan.PageSql, Does.Contain(semiJoin));
        Assert.That(plan.CountSql, Does.Contain(semiJoin).And.Not.Contain(" JOIN "), "the count needs no join");
    }

    /// <summary>SQLite drives the foreign key's index with the first list of keys it meets; the filter's semi-join
    /// (one parent's units) must come before the scope's subtree (a whole province).</summary>
    [TestCase(
        "Dossiers",
        "$filter=Unit/ParentCode eq 'P'",
        "d.unit_id IN (SELECT u.id FROM units u",
        "d.unit_id IN (SELECT sc"
    )]
    [TestCase(
        "IndicatorValues",
        "$filter=Unit/ParentCode eq 'P'",
        "v.unit_code IN (SELECT u.code FROM units u",
        "v.unit_code IN (SELECT"
    )]
    public void Translation_WithAScope_PutsTheFiltersKeysAheadOfTheScopes(
        string set,
        string query,
        string semiJoin,
        string scope
    )
    {
        var plan = Translate(set, query, scopeUnitId: 7);

        foreach (var sql in new[] { plan.PageSql, plan.CountSql })
        {
            var filterAt = sql.IndexOf(semiJoin, StringComparison.Ordinal);
            var scopeAt = sql.LastIndexOf(scope, StringComparison.Ordinal);
            Assert.That(filterAt, Is.GreaterThan(0), sql);
            Assert.That(scopeAt, Is.GreaterThan(filterAt), sql);
        }
    }

    [Test]
    public void Translation_OfANavigationColumnNotEqualToALiteral_KeepsTheJoin()
    {
        // OData's ne holds where the target is missing; a semi-join would drop those rows.
        var plan = Translate("IndicatorValues", "$filter=Unit/ParentCode ne 'P'", scopeUnitId: null);

        Assert.That(plan.PageSql, Does.Contain("LEFT JOIN units u ON u.code = v.unit_code"));
        Assert.That(plan.PageSql, Does.Not.Contain("IN (SELECT u.code"));
    }

    [TestCase("IndicatorValues", "v")]
    [TestCase("IndexScores", "x")]
    public void Translation_OfAFilterOnStructure_ComparesTheColumnInSql(string set, string alias)
    {
        var plan = Translate(set, "$filter=Structure eq 'current' and Period eq '2025-06'", scopeUnitId: null);

        Assert.That(plan.PageSql, Does.Contain($"{alias}.structure = @p0"));
        Assert.That(plan.CountSql, Does.Contain($"{alias}.structure = @p0"));
        Assert.That(plan.PageSql, Does.Not.Contain("'as-of'"), "the filter replaces the default reading");
        Assert.That(plan.Parameters.Values.Get<Dapper.DbString>("p0").Value, Is.EqualTo("current"));
    }

    [TestCase("IndicatorValues", "v", "$filter=Period eq '2025-06'")]
    [TestCase("IndicatorValues", "v", "")]
    [TestCase("IndexScores", "x", "$orderby=Structure")]
    public void Translation_WithoutAFilterOnStructure_ReadsTheAsOfRowsInSql(string set, string alias, string query)
    {
        var plan = Translate(set, query, scopeUnitId: 7);

        Assert.That(plan.PageSql, Does.Contain($"{alias}.structure = 'as-of'"));
        Assert.That(plan.CountSql, Does.Contain($"{alias}.structure = 'as-of'"));
    }

    private static FeedQuery Translate(string set, string query, int? scopeUnitId)
    {
        var entitySet = Model.EntityContainer.FindEntitySet(set);
        var options = query
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        var parser = new ODataQueryOptionParser(Model, entitySet.EntityType, entitySet, options);
        var clauses = new FeedClauses(
            parser.ParseFilter(),
            parser.ParseOrderBy(),
            parser.ParseSelectAndExpand(),
            parser.ParseTop(),
            parser.ParseSkip(),
            options.GetValueOrDefault("$skiptoken")
        );
        var feed = Feeds.For(SqlDialect.SqlServer).Single(f => f.EntitySet == set);
        return FeedQuery.Build(feed, SqlDialect.SqlServer, clauses, scopeUnitId, DateTimeOffset.UnixEpoch, 100);
    }
}
