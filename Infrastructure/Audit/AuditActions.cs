namespace Scorecard.Infrastructure.Audit;

/// <summary>What a change did to its entity.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}
