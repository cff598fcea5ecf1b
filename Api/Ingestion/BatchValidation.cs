using System.Text.Json;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Ingestion;

/// <summary>Splits a batch into valid events and per-index rejections, without touching the database.</summary>
internal static class BatchValidation
{
    public static (List<IncomingEvent> Valid, List<RejectedEvent> Rejected) Validate(
        IReadOnlyList<JsonElement> events,
        DossierEventValidator validator
    )
    {
        var valid = new List<IncomingEvent>(events.Count);
        var rejected = new List<RejectedEvent>();
        for (var index = 0; index < events.Count; index++)
        {
            var request = DossierEventRequest.From(events[index]);
            var errors = request.TypeErrors.Select(e => new FieldError(e.Field, e.Message)).ToList();
            var result = validator.Validate(request);
            errors.AddRange(
                result
                    .Errors.Where(f => errors.TrueForAll(t => t.Field != f.PropertyName))
                    .Select(f => new FieldError(f.PropertyName, f.ErrorMessage))
            );
            if (errors.Count > 0)
            {
                rejected.Add(new RejectedEvent(index, request.Id, errors));
            }
            else
            {
                valid.Add(new IncomingEvent(index, request.ToEvent()));
            }
        }

        return (valid, rejected);
    }
}
