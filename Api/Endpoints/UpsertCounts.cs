namespace Scorecard.Api.Endpoints;

/// <summary>The answer to a bulk PUT: how many items were created and how many updated.</summary>
internal sealed record UpsertCounts(int Created, int Updated);
