namespace Scorecard.Infrastructure.Feeds;

/// <summary>The condition <paramref name="Predicate"/> (SQL over the set's own table, no parameters) a read of a
/// feed adds unless its filter names <paramref name="Property"/>.</summary>
internal sealed record FeedDefault(string Property, string Predicate);
