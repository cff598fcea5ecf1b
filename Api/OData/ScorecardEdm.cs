using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;
using Scorecard.Infrastructure.Feeds;
using Scorecard.Infrastructure.Feeds.Model;

namespace Scorecard.Api.OData;

/// <summary>The one EDM of <c>/odata</c> (README "Open in Excel / Power BI"): flat entity sets, string keys, codes and
/// enums as
/// strings.</summary>
internal static class ScorecardEdm
{
    public const string Namespace = "Scorecard";

    public static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = Namespace, ContainerName = "Scorecard" };
        builder.EntitySet<Unit>("Units");
        builder.EntitySet<Procedure>("Procedures");
        builder.EntitySet<Dossier>("Dossiers");
        builder.EntitySet<Indicator>("Indicators");
        builder.EntitySet<TargetAssignment>("TargetAssignments");
        builder.EntitySet<IndicatorValue>("IndicatorValues");
        builder.EntitySet<IndexScore>("IndexScores");
        builder.EntitySet<AuditEntry>("AuditEntries");
        foreach (var type in builder.StructuralTypes)
        {
            type.Namespace = Namespace;
        }

        var model = (EdmModel)builder.GetEdmModel();
        ScorecardEdmAnnotations.Annotate(model, Feeds.For(SqlDialect.Sqlite));
        return model;
    }
}
