using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using Microsoft.OData.Edm.Vocabularies;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// $metadata says what a client needs beyond types: the values of text enumerations (still strings, compared
/// with 'x'), the unit of percentages and money, each set's capabilities and its relationships.
/// </summary>
public sealed class MetadataAnnotationTests : ApiFixture
{
    [Test]
    public async Task Enumerations_AreStringsWithTheirAllowedValues()
    {
        var model = await ModelAsync();
        var dossier = model.FindDeclaredType("Scorecard.Dossier") as IEdmEntityType;

        var status = dossier!.FindProperty("Status");
        Assert.That(status.Type.FullName(), Is.EqualTo("Edm.String"));
        Assert.That(
            Values(model, status, "Org.OData.Validation.V1.AllowedValues"),
            Is.EquivalentTo(
                new[] { "received", "awaiting-supplement", "resolved", "returned", "stopped", "withdrawn", "refused" }
            )
        );
        Assert.That(
            Values(model, dossier.FindProperty("Channel"), "Org.OData.Validation.V1.AllowedValues"),
            Is.EquivalentTo(new[] { "online", "direct", "postal" })
        );
        var level = ((IEdmEntityType)model.FindDeclaredType("Scorecard.Unit")!).FindProperty("Level");
        Assert.That(
            Values(model, level, "Org.OData.Validation.V1.AllowedValues"),
            Is.EquivalentTo(new[] { "province", "district", "commune" })
        );
        var value = ((IEdmEntityType)model.FindDeclaredType("Scorecard.IndicatorValue")!).FindProperty("Value");
        Assert.That(Constant(model, value, "Org.OData.Measures.V1.Unit"), Is.EqualTo("%"));
    }

    [Test]
    public async Task EntitySets_DeclareTheirCapabilitiesAndRelationships()
    {
        var model = await ModelAsync();
        var units = model.EntityContainer.FindEntitySet("Units");
        var procedures = model.EntityContainer.FindEntitySet("Procedures");

        Assert.That(Annotation(model, units, "Org.OData.Capabilities.V1.CountRestrictions"), Is.Not.Null);
        Assert.That(Annotation(model, units, "Org.OData.Capabilities.V1.FilterRestrictions"), Is.Not.Null);
        Assert.That(Annotation(model, units, "Org.OData.Capabilities.V1.SortRestrictions"), Is.Not.Null);
        Assert.That(Annotation(model, units, "Org.OData.Capabilities.V1.TopSupported"), Is.Not.Null);
        Assert.That(Annotation(model, units, "Org.OData.Capabilities.V1.SkipSupported"), Is.Not.Null);
        var expand = (IEdmRecordExpression)
            Annotation(model, procedures, "Org.OData.Capabilities.V1.ExpandRestrictions")!;
        Assert.That(
            ((IEdmBooleanConstantExpression)expand.FindProperty("Expandable").Value).Value,
            Is.False,
            "procedures have no navigation"
        );
        Assert.That(
            units.EntityType.NavigationProperties().Select(n => n.Name),
            Is.EquivalentTo(new[] { "Parent", "Children", "Successors", "Dossiers" })
        );
        Assert.That(
            units.FindNavigationTarget(units.EntityType.FindProperty("Dossiers") as IEdmNavigationProperty).Name,
            Is.EqualTo("Dossiers")
        );
        var figure = model.EntityContainer.FindEntitySet("IndicatorValues").EntityType;
        Assert.That(figure.NavigationProperties().Select(n => n.Name), Is.EquivalentTo(new[] { "Unit", "Indicator" }));
        var constraint = ((IEdmNavigationProperty)figure.FindProperty("Unit")).ReferentialConstraint;
        Assert.That(
            constraint.PropertyPairs.Select(p => p.DependentProperty.Name + "→" + p.PrincipalProperty.Name),
            Is.EqualTo(new[] { "UnitCode→Code" }),
            "Power BI relates the sets on these columns"
        );
    }

    private static IEdmExpression? Annotation(IEdmModel model, IEdmVocabularyAnnotatable target, string term) =>
        model.FindVocabularyAnnotations(target).FirstOrDefault(a => a.Term.FullName() == term)?.Value;

    private static List<string> Values(IEdmModel model, IEdmVocabularyAnnotatable target, string term) =>
        [
            .. ((IEdmCollectionExpression)Annotation(model, target, term)!).Elements.Select(e =>
                ((IEdmStringConstantExpression)((IEdmRecordExpression)e).FindProperty("Value").Value).Value
            ),
        ];

    private static string Constant(IEdmModel model, IEdmVocabularyAnnotatable target, string term) =>
        ((IEdmStringConstantExpression)Annotation(model, target, term)!).Value;

    /// <summary>
    /// The model's validation errors, except one the library's validator raises wrongly: an allowed value
    /// (<c>Validation.AllowedValue/Value</c>, typed <c>Edm.PrimitiveType</c>) written as a string, which any
    /// primitive value may be.
    /// </summary>
    internal static IEnumerable<string> MetadataErrors(IEdmModel model)
    {
        model.Validate(out var errors);
        return (errors ?? [])
            .Where(e => e.ErrorCode != EdmErrorCode.ExpressionPrimitiveKindNotValidForAssertedType)
            .Select(e => e.ToString());
    }

    private async Task<IEdmModel> ModelAsync()
    {
        var xml = await Admin.GetStringAsync(new Uri("/odata/$metadata", UriKind.Relative));
        using var reader = XmlReader.Create(new StringReader(xml));
        Assert.That(
            CsdlReader.TryParse(reader, out var model, out var errors),
            Is.True,
            string.Join("; ", errors ?? [])
        );
        Assert.That(MetadataErrors(model), Is.Empty);
        return model;
    }
}
