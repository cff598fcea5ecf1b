namespace Scorecard.Infrastructure.Feeds;

internal enum StringMatch
{
    Contains,
    StartsWith,
    EndsWith,
}
