using System.Text.RegularExpressions;

namespace Scorecard.Api.OData;

/// <summary>
/// The OData parser's messages go to the client as they are, except that a few name the parser's
/// own classes ("$apply/aggregate expression 'Microsoft.OData.UriParser.SingleValuePropertyAccessNode'
/// operation does not support value type 'String'"): those are said in the query's own terms.
/// </summary>
internal static partial class FeedErrorMessage
{
    public static string Plain(string message)
    {
        if (AggregateOfWrongType().Match(message) is { Success: true } aggregate)
        {
            return $"$apply: sum and average take numbers, not {aggregate.Groups["type"].Value} values.";
        }

        return ParserClass()
            .Replace(message, m => m.Groups["node"].Value switch
                {
                    "ConstantNode" => "constant",
                    "SingleValuePropertyAccessNode" or "SingleValueOpenPropertyAccessNode" => "property",
                    _ => "expression",
                });
    }

    [GeneratedRegex(@"^\$apply/aggregate expression '[^']*' operation does not support value type '(?<type>\w+)'")]
    private static partial Regex AggregateOfWrongType();

    [GeneratedRegex(@"Microsoft\.OData\.[\w.]*?\.?(?<node>\w+Node)\b")]
    private static partial Regex ParserClass();
}
