namespace Scorecard.Api.OData;

internal enum StringMatch
{
    Contains,
    StartsWith,
    EndsWith,
}
