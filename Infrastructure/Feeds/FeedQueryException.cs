namespace Scorecard.Infrastructure.Feeds;

/// <summary>A query the feeds refuse (unsupported syntax or a limit): answered as a 400 OData error with this
/// message.</summary>
internal sealed class FeedQueryException : Exception
{
    public FeedQueryException()
        : base("The query is not supported.") { }

    public FeedQueryException(string message)
        : base(message) { }

    public FeedQueryException(string message, Exception inner)
        : base(message, inner) { }
}
