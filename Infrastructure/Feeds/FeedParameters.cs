using System.Globalization;
using Dapper;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// The values a translated query sends, each as a parameter (<c>@p0</c>, <c>@p1</c> …); never text.
/// Capped below SQL Server's 2,100 parameters per statement.
/// </summary>
internal sealed class FeedParameters
{
    public const int MaxParameters = 2000;

    private int next;

    public DynamicParameters Values { get; } = new();

    public string Add(object value)
    {
        if (next >= MaxParameters)
        {
            throw new FeedQueryException($"The query has more than {MaxParameters} literal values.");
        }

        var name = "p" + next.ToString(CultureInfo.InvariantCulture);
        next++;
        Values.Add(name, value);
        return "@" + name;
    }

    /// <summary>A string compared with a varchar column: sent as varchar on SQL Server so its index stays
    /// usable.</summary>
    public string AddAnsi(string value) =>
        Add(
            new DbString
            {
                Value = value,
                IsAnsi = true,
                Length = Math.Max(value.Length, 64),
            }
        );

    public void AddNamed(string name, object? value) => Values.Add(name, value);
}
