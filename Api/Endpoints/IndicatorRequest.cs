using System.Text.Json.Serialization;
using FluentValidation;
using Scorecard.Api.Validation;
using Scorecard.Domain.Bands;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Indicators;

namespace Scorecard.Api.Endpoints;

/// <summary>An indicator to store. Its Vietnamese name is <c>names.vi</c>, or <c>name</c> without it; its English
/// one <c>names.en</c> (none: English answers show the Vietnamese). Descriptions likewise. A <c>name</c> sent beside
/// <c>names</c> must be one of them, as a listing's answer in either language carries.</summary>
internal sealed class IndicatorRequest
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public TextsRequest? Names { get; init; }
    public string? Kind { get; init; }
    public string? Description { get; init; }
    public TextsRequest? Descriptions { get; init; }
    public List<BandScaleRequest>? Bands { get; init; }

    [JsonIgnore]
    public string? NameVi => Names?.Vi ?? Name;

    [JsonIgnore]
    public string? DescriptionVi => Descriptions?.Vi ?? Description;

    /// <summary>The definition to store; without a kind, an existing indicator keeps its own and a new one is
    /// reported.</summary>
    public IndicatorDefinition ToDefinition(IndicatorKind? existingKind) =>
        new(
            Code!,
            NameVi!.Trim(),
            Kind is null ? existingKind ?? IndicatorKind.Reported : WireName.Parse<IndicatorKind>(Kind),
            DescriptionVi,
            [.. (Bands ?? []).Select(b => b.ToScale())],
            Names?.En?.Trim(),
            Descriptions?.En
        );

    /// <summary>True unless a single text and the pair are both sent and the text is neither of the pair.</summary>
    public static bool OneOf(string? single, TextsRequest? pair) =>
        single is null || pair?.Vi is null || single == pair.Vi || single == pair.En;
}

/// <summary>A text in Vietnamese (<c>vi</c>) and English (<c>en</c>).</summary>
internal sealed record TextsRequest(string? Vi, string? En);

internal sealed class BandScaleRequest
{
    public DateOnly? ValidFrom { get; init; }
    public List<BandRequest>? Bands { get; init; }

    public BandScale ToScale() => new(ValidFrom!.Value, [.. Bands!.Select(b => new Band(b.Min!.Value, b.Color!))]);
}

internal sealed record BandRequest(decimal? Min, string? Color);

internal sealed class BandScaleRequestValidator : AbstractValidator<BandScaleRequest>
{
    public BandScaleRequestValidator()
    {
        RuleFor(s => s.ValidFrom).NotNull();
        RuleFor(s => s.Bands)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(b => b!.Count <= 10)
            .WithMessage("At most 10 bands.")
            .Must(StrictlyDescending)
            .WithMessage("Band minimums must be listed from highest to lowest, each lower than the one before.");
        RuleForEach(s => s.Bands)
            .NotNull()
            .ChildRules(band =>
            {
                band.RuleFor(b => b.Min).NotNull().InclusiveBetween(-1_000_000m, 1_000_000m);
                band.RuleFor(b => b.Color)
                    .NotEmpty()
                    .Matches("^[#A-Za-z0-9-]{1,32}$")
                    .WithMessage("'Color' is a name or hex code of at most 32 characters (letters, digits, '#', '-').");
            });
    }

    private static bool StrictlyDescending(List<BandRequest>? bands) =>
        bands is null
        || bands
            .Zip(bands.Skip(1))
            .All(p => p.First?.Min is null || p.Second?.Min is null || p.First.Min > p.Second.Min);
}

internal sealed class IndicatorBatchValidator : AbstractValidator<List<IndicatorRequest>>
{
    public IndicatorBatchValidator()
    {
        RuleFor(b => b)
            .NotEmpty()
            .WithMessage("Send at least one indicator.")
            .Must(b => b.Count <= 500)
            .WithMessage("Send at most 500 indicators per request.")
            .Must(b => b.Where(i => i?.Code is not null).GroupBy(i => i.Code).All(g => g.Count() == 1))
            .WithMessage("Each indicator code may appear once per request.");
        RuleForEach(b => b)
            .NotNull()
            .ChildRules(indicator =>
            {
                indicator.RuleFor(i => i.Code).NotEmpty().IsCode();
                indicator
                    .RuleFor(i => i.NameVi)
                    .NotEmpty()
                    .MaximumLength(ValidationExtensions.MaxNameLength)
                    .OverridePropertyName("name");
                indicator
                    .RuleFor(i => i.Names!.En)
                    .MaximumLength(ValidationExtensions.MaxNameLength)
                    .Must(n => n is null || n.Trim().Length > 0)
                    .WithMessage("'names.en' is left out rather than blank.")
                    .When(i => i.Names is not null)
                    .OverridePropertyName("names.en");
                indicator
                    .RuleFor(i => i.Name)
                    .Must((i, n) => IndicatorRequest.OneOf(n, i.Names))
                    .WithMessage("'name' beside 'names' must be names.vi or names.en.");
                indicator.RuleFor(i => i.DescriptionVi).MaximumLength(1024).OverridePropertyName("description");
                indicator
                    .RuleFor(i => i.Descriptions!.En)
                    .MaximumLength(1024)
                    .When(i => i.Descriptions is not null)
                    .OverridePropertyName("descriptions.en");
                indicator
                    .RuleFor(i => i.Description)
                    .Must((i, d) => IndicatorRequest.OneOf(d, i.Descriptions))
                    .WithMessage("'description' beside 'descriptions' must be descriptions.vi or descriptions.en.");
                indicator.RuleFor(i => i.Kind).IsOneOf(WireName.All<IndicatorKind>());
                indicator
                    .RuleFor(i => i.Bands)
                    .Must(b => b!.Count <= 50)
                    .When(i => i.Bands is not null)
                    .WithMessage("At most 50 band scales.");
                indicator.RuleForEach(i => i.Bands).NotNull().SetValidator(new BandScaleRequestValidator());
            })
            .OverridePropertyName("indicators");
    }
}
