using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;
using Microsoft.OData.Edm.Vocabularies.Measures.V1;
using Microsoft.OData.Edm.Vocabularies.V1;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Feeds;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Api.OData;

/// <summary>
/// What <c>$metadata</c> says beyond types: the values a text enumeration takes (<c>Validation.AllowedValues</c>,
/// kept as strings so <c>Status eq 'resolved'</c> stays a plain comparison in every client), the unit of
/// percentages and money (<c>Measures</c>), and per entity set what the feeds support (<c>Capabilities</c>).
/// </summary>
internal static class ScorecardEdmAnnotations
{
    public static void Annotate(EdmModel model, IReadOnlyList<FeedDefinition> feeds)
    {
        AllowedValues(model, "Dossier", "Status", WireName.All<DossierStatus>());
        AllowedValues(model, "Dossier", "Channel", WireName.All<Channel>());
        AllowedValues(model, "Dossier", "Timeliness", WireName.All<Timeliness>());
        AllowedValues(model, "Unit", "Level", WireName.All<UnitLevel>());
        AllowedValues(model, "Procedure", "Level", WireName.All<UnitLevel>());
        AllowedValues(model, "IndicatorValue", "PeriodType", ["month", "quarter", "half-year", "year"]);
        AllowedValues(model, "IndicatorValue", "Structure", FigureStructure.All);
        AllowedValues(model, "IndexScore", "Structure", FigureStructure.All);
        Measure(model, "IndicatorValue", "Value", "Unit", "%");
        Measure(model, "IndicatorValue", "Target", "Unit", "%");
        Measure(model, "TargetAssignment", "Target", "Unit", "%");
        Measure(model, "TargetAssignment", "Baseline", "Unit", "%");
        Measure(model, "Dossier", "AmountPaid", "ISOCurrency", "VND");
        foreach (var set in model.EntityContainer.EntitySets())
        {
            var feed = feeds.Single(f => f.EntitySet == set.Name);
            Capabilities(model, set, feed.Navigations.Count + feed.Collections.Count > 0);
        }
    }

    private static void AllowedValues(EdmModel model, string type, string property, IEnumerable<string> values)
    {
        var target = Property(model, type, property);
        var term = ValidationVocabularyModel.Instance.FindDeclaredTerm("Org.OData.Validation.V1.AllowedValues")!;
        var records = values.Select(v => new EdmRecordExpression(
            new EdmPropertyConstructor("Value", new EdmStringConstant(v))
        ));
        Add(model, target, term, new EdmCollectionExpression(records));
    }

    private static void Measure(EdmModel model, string type, string property, string termName, string value)
    {
        var term = MeasuresVocabularyModel.Instance.FindDeclaredTerm("Org.OData.Measures.V1." + termName)!;
        Add(model, Property(model, type, property), term, new EdmStringConstant(value));
    }

    /// <summary>Filter, sort, count, top and skip are supported; $expand one level, of the set's navigations.</summary>
    private static void Capabilities(EdmModel model, IEdmEntitySet set, bool expandable)
    {
        static IEdmTerm Term(string name) =>
            CapabilitiesVocabularyModel.Instance.FindDeclaredTerm("Org.OData.Capabilities.V1." + name)!;
        static EdmPropertyConstructor Flag(string name, bool value) => new(name, new EdmBooleanConstant(value));
        Add(model, set, Term("FilterRestrictions"), new EdmRecordExpression(Flag("Filterable", true)));
        Add(model, set, Term("SortRestrictions"), new EdmRecordExpression(Flag("Sortable", true)));
        Add(model, set, Term("CountRestrictions"), new EdmRecordExpression(Flag("Countable", true)));
        Add(model, set, Term("TopSupported"), new EdmBooleanConstant(true));
        Add(model, set, Term("SkipSupported"), new EdmBooleanConstant(true));
        Add(model, set, Term("SearchRestrictions"), new EdmRecordExpression(Flag("Searchable", false)));
        Add(
            model,
            set,
            Term("ExpandRestrictions"),
            new EdmRecordExpression(
                Flag("Expandable", expandable),
                new EdmPropertyConstructor("MaxLevels", new EdmIntegerConstant(expandable ? 1 : 0))
            )
        );
    }

    private static IEdmProperty Property(EdmModel model, string type, string property) =>
        ((IEdmStructuredType)model.FindDeclaredType(ScorecardEdm.Namespace + "." + type)!).FindProperty(property)
        ?? throw new InvalidOperationException($"No property {type}.{property} to annotate.");

    private static void Add(EdmModel model, IEdmVocabularyAnnotatable target, IEdmTerm term, IEdmExpression value)
    {
        var annotation = new EdmVocabularyAnnotation(target, term, value);
        annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.AddVocabularyAnnotation(annotation);
    }
}
