using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// Translates a parsed <c>$filter</c> into a SQL predicate. Property paths become the feed's own
/// column expressions, every literal becomes a parameter; node kinds and functions not handled here
/// are refused (the base visitor throws), never ignored.
/// </summary>
internal sealed class FilterTranslator(FeedDefinition feed, SqlDialect dialect, FeedParameters parameters)
    : QueryNodeVisitor<string>
{
    public const int MaxInItems = 500;

    /// <summary>The table aliases the translated expressions read (joins the query must include).</summary>
    public HashSet<string> Joins { get; } = new(StringComparer.Ordinal);

    /// <summary>The set's own properties the translated expressions read.</summary>
    public HashSet<string> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>The set's default condition (<see cref="FeedDefinition.Default"/>) when nothing translated named its
    /// property, else null.</summary>
    public string? DefaultPredicate => feed.Default is { } d && !Properties.Contains(d.Property) ? d.Predicate : null;

    public string Predicate(QueryNode node) =>
        node switch
        {
            BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } b =>
                $"({Predicate(b.Left)} {(b.OperatorKind == BinaryOperatorKind.And ? "AND" : "OR")} "
                    + $"{Predicate(b.Right)})",
            BinaryOperatorNode b when IsComparison(b.OperatorKind) => Compare(b),
            UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } u => $"(NOT {Predicate(u.Operand)})",
            InNode i => In(i),
            SingleValueFunctionCallNode f when MatchKind(f.Name) is { } kind => Match(kind, f),
            ConstantNode { Value: bool b } => b ? "1 = 1" : "1 = 0",
            ConvertNode c => Predicate(c.Source),
            SingleValueNode v when v.TypeReference?.IsBoolean() == true => $"({v.Accept(this)} = 1)",
            _ => throw Unsupported(node),
        };

    /// <summary>A comparison or logical operator used as a value (e.g. compared with a Boolean column).</summary>
    public override string Visit(BinaryOperatorNode nodeIn)
    {
        ArgumentNullException.ThrowIfNull(nodeIn);
        var op = nodeIn.OperatorKind switch
        {
            BinaryOperatorKind.Add => "+",
            BinaryOperatorKind.Subtract => "-",
            BinaryOperatorKind.Multiply => "*",
            BinaryOperatorKind.Divide => "/",
            BinaryOperatorKind.Modulo => "%",
            _ => null,
        };
        if (op is null)
        {
            return $"CASE WHEN {Predicate(nodeIn)} THEN 1 ELSE 0 END";
        }

        var left = nodeIn.Left.Accept(this);
        var right = nodeIn.Right.Accept(this);
        return op is "/" or "%" ? $"({left} {op} NULLIF({right}, 0))" : $"({left} {op} {right})";
    }

    public override string Visit(UnaryOperatorNode nodeIn)
    {
        ArgumentNullException.ThrowIfNull(nodeIn);
        return nodeIn.OperatorKind == UnaryOperatorKind.Negate
            ? $"(-{nodeIn.Operand.Accept(this)})"
            : $"CASE WHEN {Predicate(nodeIn)} THEN 1 ELSE 0 END";
    }

    public override string Visit(ConvertNode nodeIn)
    {
        ArgumentNullException.ThrowIfNull(nodeIn);
        return nodeIn.Source.Accept(this);
    }

    public override string Visit(ConstantNode nodeIn)
    {
        ArgumentNullException.ThrowIfNull(nodeIn);
        return Literal(nodeIn.Value, ansi: false);
    }

    public override string Visit(InNode nodeIn) => $"CASE WHEN {In(nodeIn)} THEN 1 ELSE 0 END";

    public override string Visit(SingleValuePropertyAccessNode nodeIn) => Column(nodeIn).Expression;

    /// <summary>A name the parser does not find on the entity type: after <c>$apply</c>, an aggregate's alias, read
    /// from the feed's columns like any property (a name that is not one of them is refused).</summary>
    public override string Visit(SingleValueOpenPropertyAccessNode nodeIn) => OpenColumn(nodeIn).Expression;

    public override string Visit(SingleValueFunctionCallNode nodeIn)
    {
        ArgumentNullException.ThrowIfNull(nodeIn);
        if (MatchKind(nodeIn.Name) is not null)
        {
            return $"CASE WHEN {Predicate(nodeIn)} THEN 1 ELSE 0 END";
        }

        var args = nodeIn.Parameters.ToList();
        string Arg(int i) => args[i].Accept(this);
        return (nodeIn.Name, args.Count) switch
        {
            ("tolower", 1) => $"lower({Arg(0)})",
            ("toupper", 1) => $"upper({Arg(0)})",
            ("trim", 1) => dialect.Trim(Arg(0)),
            ("length", 1) => dialect.Length(Arg(0)),
            ("concat", 2) => dialect.Concat(Arg(0), Arg(1)),
            ("indexof", 2) => dialect.IndexOf(Arg(0), Arg(1)),
            ("substring", 2) => dialect.Substring(Arg(0), Arg(1), null),
            ("substring", 3) => dialect.Substring(Arg(0), Arg(1), Arg(2)),
            ("year" or "month" or "day" or "hour" or "minute" or "second", 1) => dialect.DatePart(nodeIn.Name, Arg(0)),
            ("date", 1) => dialect.DateOf(Arg(0)),
            ("time", 1) => dialect.TimeOf(Arg(0)),
            // Instants are stored in UTC: the offset of every one read back is zero.
            ("totaloffsetminutes", 1) => $"(CASE WHEN {Arg(0)} IS NULL THEN NULL ELSE 0 END)",
            ("cast", 2) => Cast(args[0], args[1]),
            ("now", 0) => "@__now",
            ("round", 1) => dialect.Round(Arg(0)),
            ("floor", 1) => dialect.Floor(Arg(0)),
            ("ceiling", 1) => dialect.Ceiling(Arg(0)),
            _ => throw new FeedQueryException($"The function '{nodeIn.Name}' is not supported in $filter."),
        };
    }

    /// <summary>cast(value, type) between numbers and text, which both databases convert alike; a text cast to a
    /// number (which SQL Server refuses mid-query for a text that is not one) and other types are refused.</summary>
    private string Cast(QueryNode value, QueryNode type)
    {
        var target = AsConstant(type)?.Value as string;
        var source = (value as SingleValueNode)?.TypeReference;
        var numeric =
            source?.PrimitiveKind()
            is null
                or EdmPrimitiveTypeKind.Int16
                or EdmPrimitiveTypeKind.Int32
                or EdmPrimitiveTypeKind.Int64
                or EdmPrimitiveTypeKind.Byte
                or EdmPrimitiveTypeKind.SByte
                or EdmPrimitiveTypeKind.Double
                or EdmPrimitiveTypeKind.Single
                or EdmPrimitiveTypeKind.Decimal;
        var sql = target switch
        {
            _ when source?.IsString() != true && !numeric => null,
            "Edm.String" => dialect.CastToText(value.Accept(this)),
            "Edm.Int16" or "Edm.Int32" or "Edm.Int64" or "Edm.Byte" or "Edm.SByte" when numeric =>
                dialect.CastToInteger(value.Accept(this)),
            "Edm.Double" or "Edm.Single" or "Edm.Decimal" when numeric => dialect.CastToReal(value.Accept(this)),
            _ => null,
        };
        return sql
            ?? throw new FeedQueryException(
                $"cast to {target ?? "this type"} is supported between numbers, and from numbers and text to "
                    + "Edm.String."
            );
    }

    private static bool IsComparison(BinaryOperatorKind kind) =>
        kind
            is BinaryOperatorKind.Equal
                or BinaryOperatorKind.NotEqual
                or BinaryOperatorKind.GreaterThan
                or BinaryOperatorKind.GreaterThanOrEqual
                or BinaryOperatorKind.LessThan
                or BinaryOperatorKind.LessThanOrEqual;

    private static StringMatch? MatchKind(string name) =>
        name switch
        {
            "contains" => StringMatch.Contains,
            "startswith" => StringMatch.StartsWith,
            "endswith" => StringMatch.EndsWith,
            _ => null,
        };

    private static ConstantNode? AsConstant(QueryNode node) =>
        node switch
        {
            ConstantNode c => c,
            ConvertNode { Source: var s } => AsConstant(s),
            _ => null,
        };

    private static FeedQueryException Unsupported(QueryNode node) =>
        new($"This kind of expression is not supported in $filter ({node.Kind}).");

    private string Compare(BinaryOperatorNode b)
    {
        var leftConstant = AsConstant(b.Left);
        var rightConstant = AsConstant(b.Right);
        if (rightConstant is { Value: null } || leftConstant is { Value: null })
        {
            var other = rightConstant is { Value: null } ? b.Left : b.Right;
            return b.OperatorKind switch
            {
                BinaryOperatorKind.Equal => $"({other.Accept(this)} IS NULL)",
                BinaryOperatorKind.NotEqual => $"({other.Accept(this)} IS NOT NULL)",
                _ => "1 = 0",
            };
        }

        if (SemiJoin(b, leftConstant, rightConstant) is { } semiJoin)
        {
            return semiJoin;
        }

        var leftColumn = ColumnOf(b.Left);
        var rightColumn = ColumnOf(b.Right);
        var left = leftConstant is not null
            ? Literal(leftConstant.Value, rightColumn?.Ansi == true)
            : b.Left.Accept(this);
        var right = rightConstant is not null
            ? Literal(rightConstant.Value, leftColumn?.Ansi == true)
            : b.Right.Accept(this);
        var op = Comparison(b.OperatorKind);

        // OData's ne is true for a null value; SQL's <> is unknown there.
        var nullable =
            (leftColumn?.Nullable == true && rightConstant is not null) ? left
            : (rightColumn?.Nullable == true && leftConstant is not null) ? right
            : null;
        return op == "<>" && nullable is not null
            ? $"({left} <> {right} OR {nullable} IS NULL)"
            : $"({left} {op} {right})";
    }

    /// <summary>
    /// A column of a single-valued navigation compared with a literal (<c>Unit/ParentCode eq '06'</c>), as the rows
    /// whose foreign key is among the keys of the targets that match: <c>v.unit_code IN (SELECT u.code FROM units u
    /// WHERE u.parent_code = …)</c>. The database can then start from the few targets that match (an index of the
    /// target table) and seek each one's rows, instead of testing the target of every row the other terms leave. A row
    /// without its target matches neither form. Not for <c>ne</c>, which OData makes true for a missing target.
    /// </summary>
    private string? SemiJoin(BinaryOperatorNode b, ConstantNode? leftConstant, ConstantNode? rightConstant)
    {
        if (b.OperatorKind == BinaryOperatorKind.NotEqual || (leftConstant is null) == (rightConstant is null))
        {
            return null;
        }

        var (side, constant) = rightConstant is not null ? (b.Left, rightConstant) : (b.Right, leftConstant!);
        while (side is ConvertNode convert)
        {
            side = convert.Source;
        }

        if (
            side
                is not SingleValuePropertyAccessNode
                {
                    Source: SingleNavigationNode { Source: ResourceRangeVariableReferenceNode } target,
                } property
            || feed.Navigation(target.NavigationProperty.Name) is not { } navigation
            || navigation.Column(property.Property.Name) is not { Join: { } alias } column
            || !feed.Joins.TryGetValue(alias, out var join)
        )
        {
            return null;
        }

        // "LEFT JOIN units u ON …": the table and its alias.
        var from = join[
            (join.IndexOf("JOIN ", StringComparison.Ordinal) + 5)..join.IndexOf(" ON ", StringComparison.Ordinal)
        ];
        // The column comes first in the subquery: a literal on the left turns the comparison round ('m' gt x: x < 'm').
        var op = Comparison(
            rightConstant is not null
                ? b.OperatorKind
                : b.OperatorKind switch
                {
                    BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                    BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                    BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                    BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                    var same => same,
                }
        );
        // The target key names the target set's own alias (u.code); here the join's alias reads it (pu.code).
        var key =
            $"{alias}.{navigation.TargetKey[(navigation.TargetKey.IndexOf('.', StringComparison.Ordinal) + 1)..]}";
        return $"({navigation.ForeignKey} IN (SELECT {key} FROM {from} WHERE {column.Expression} {op} "
            + $"{Literal(constant.Value, column.Ansi)}))";
    }

    /// <summary>The SQL operator of an OData comparison.</summary>
    private static string Comparison(BinaryOperatorKind kind) =>
        kind switch
        {
            BinaryOperatorKind.Equal => "=",
            BinaryOperatorKind.NotEqual => "<>",
            BinaryOperatorKind.GreaterThan => ">",
            BinaryOperatorKind.GreaterThanOrEqual => ">=",
            BinaryOperatorKind.LessThan => "<",
            _ => "<=",
        };

    private string In(InNode node)
    {
        if (node.Right is not CollectionConstantNode list)
        {
            throw new FeedQueryException("'in' takes a list of literal values.");
        }

        if (list.Collection.Count > MaxInItems)
        {
            throw new FeedQueryException(
                $"An 'in' list may hold at most {MaxInItems} values; this one has {list.Collection.Count}."
            );
        }

        var left = node.Left.Accept(this);
        var ansi = ColumnOf(node.Left)?.Ansi == true;
        var values = list.Collection.Where(c => c.Value is not null).Select(c => Literal(c.Value, ansi)).ToList();
        var hasNull = list.Collection.Any(c => c.Value is null);
        var inList = values.Count == 0 ? "1 = 0" : $"{left} IN ({string.Join(", ", values)})";
        return hasNull ? $"({inList} OR {left} IS NULL)" : $"({inList})";
    }

    private string Match(StringMatch kind, SingleValueFunctionCallNode f)
    {
        var args = f.Parameters.ToList();
        if (args.Count != 2)
        {
            throw new FeedQueryException($"{f.Name} takes two arguments.");
        }

        var text = args[0].Accept(this);
        if (AsConstant(args[1]) is { Value: string literal })
        {
            if (dialect.LikePattern(kind, literal) is { } pattern)
            {
                return $"({text} LIKE {parameters.Add(pattern)} ESCAPE '\\')";
            }

            return dialect.Match(kind, text, parameters.Add(literal));
        }

        return dialect.Match(kind, text, args[1].Accept(this));
    }

    /// <summary>The feed column a property path (possibly converted) reads, or null for any other
    /// expression.</summary>
    internal FeedColumn? ColumnOf(QueryNode node) =>
        node switch
        {
            SingleValuePropertyAccessNode p => Column(p),
            SingleValueOpenPropertyAccessNode o => OpenColumn(o),
            ConvertNode c => ColumnOf(c.Source),
            _ => null,
        };

    private FeedColumn OpenColumn(SingleValueOpenPropertyAccessNode node) =>
        feed.Column(node.Name)
        ?? throw new FeedQueryException($"'{node.Name}' is not a property that can be used here.");

    private FeedColumn Column(SingleValuePropertyAccessNode node)
    {
        var name = node.Property.Name;
        var column = node.Source switch
        {
            ResourceRangeVariableReferenceNode => feed.Column(name),
            SingleNavigationNode { Source: ResourceRangeVariableReferenceNode } nav => feed.Navigation(
                    nav.NavigationProperty.Name
                )
                ?.Column(name),
            _ => null,
        } ?? throw new FeedQueryException($"The property path ending in '{name}' cannot be used in $filter.");
        if (column.Join is { } join)
        {
            Joins.Add(join);
        }
        else if (node.Source is ResourceRangeVariableReferenceNode)
        {
            Properties.Add(name);
        }

        return column;
    }

    private string Literal(object? value, bool ansi) =>
        value switch
        {
            null => "NULL",
            string s when ansi => parameters.AddAnsi(s),
            string s => parameters.Add(s),
            bool b => parameters.Add(b ? 1 : 0),
            int or long or short or byte or sbyte => parameters.Add(
                Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            ),
            decimal m => parameters.Add((double)m),
            double or float => parameters.Add(
                Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)
            ),
            DateTimeOffset instant => parameters.Add(instant.ToUniversalTime()),
#pragma warning disable CS0618 // The parser of this OData version still yields Edm.Date for date literals.
            Date date => parameters.Add(new DateOnly(date.Year, date.Month, date.Day)),
#pragma warning restore CS0618
            DateOnly date => parameters.Add(date),
#pragma warning disable CS0618 // and Edm.TimeOfDay for time literals.
            TimeOfDay time => parameters.Add(dialect.TimeValue(new TimeOnly(time.Ticks))),
#pragma warning restore CS0618
            TimeOnly time => parameters.Add(dialect.TimeValue(time)),
            _ => throw new FeedQueryException($"Literals of type {value.GetType().Name} are not supported in $filter."),
        };
}
