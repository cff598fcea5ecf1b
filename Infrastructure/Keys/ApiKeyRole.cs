namespace Scorecard.Infrastructure.Keys;

/// <summary>admin: everything; analyst: read; integrator: push dossier events and read.</summary>
public enum ApiKeyRole
{
    Admin,
    Analyst,
    Integrator,
}
