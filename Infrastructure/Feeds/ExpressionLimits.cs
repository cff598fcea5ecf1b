using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// The bounds on expressions, held for every expression of a query: <c>$filter</c> and each step of
/// <c>$apply</c> alike. Counts nodes (all expressions of the query together) and the nesting of function
/// calls, and refuses literals no number type holds exactly (NaN, infinities). Both sides of <c>in</c>
/// count, which the OData library's own count of <c>$filter</c> skips; the list of values counts as one
/// node, as there (its length has a cap of its own).
/// </summary>
internal sealed class ExpressionLimits(int maxNodes, int maxFunctionDepth)
{
    public const int DefaultMaxFunctionDepth = 10;

    private int nodes;

    public void Check(FilterClause? filter)
    {
        if (filter is not null)
        {
            Visit(filter.Expression, 0);
        }
    }

    public void Check(ApplyClause? apply)
    {
        foreach (var step in apply?.Transformations ?? [])
        {
            switch (step)
            {
                case FilterTransformationNode filter:
                    Visit(filter.FilterClause.Expression, 0);
                    break;
                case GroupByTransformationNode group:
                    foreach (var property in group.GroupingProperties)
                    {
                        Count(property.Expression is null ? 1 : 0);
                        Visit(property.Expression, 0);
                    }

                    Check(group.ChildTransformations as AggregateTransformationNode);
                    break;
                case AggregateTransformationNode aggregate:
                    Check(aggregate);
                    break;
                default:
                    Count(1);
                    break;
            }
        }
    }

    private void Check(AggregateTransformationNode? aggregate)
    {
        foreach (var expression in aggregate?.AggregateExpressions ?? [])
        {
            Count(1);
            if (expression is AggregateExpression { Expression: { } value })
            {
                Visit(value, 0);
            }
        }
    }

    private void Visit(QueryNode? node, int depth)
    {
        if (node is null)
        {
            return;
        }

        Count(1);
        switch (node)
        {
            case ConstantNode { Value: double d } when !double.IsFinite(d):
            case ConstantNode { Value: float f } when !float.IsFinite(f):
                throw new FeedQueryException("NaN and infinities are not values a query can compare or compute with.");
            case BinaryOperatorNode b:
                Visit(b.Left, depth);
                Visit(b.Right, depth);
                break;
            case UnaryOperatorNode u:
                Visit(u.Operand, depth);
                break;
            case ConvertNode c:
                Visit(c.Source, depth);
                break;
            case InNode i:
                Visit(i.Left, depth);
                Visit(i.Right, depth);
                break;
            case SingleValueFunctionCallNode call:
                if (depth + 1 > maxFunctionDepth)
                {
                    throw new FeedQueryException($"Function calls nest at most {maxFunctionDepth} deep.");
                }

                foreach (var parameter in call.Parameters)
                {
                    Visit(parameter, depth + 1);
                }

                break;
            case SingleValuePropertyAccessNode access:
                Visit(access.Source, depth);
                break;
            default:
                break;
        }
    }

    private void Count(int added)
    {
        nodes += added;
        if (nodes > maxNodes)
        {
            throw new FeedQueryException(
                $"The query's expressions have more than {maxNodes} nodes; split or simplify it."
            );
        }
    }
}
