using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;

namespace Scorecard.Api.Tests.Domain.Builders;

/// <summary>A district procedure, fully online and integrated, no fee, citizen applicant, 5 working days.</summary>
internal sealed class ProcedureBuilder
{
    private string code = "1.000001";
    private UnitLevel level = UnitLevel.District;
    private OnlineService onlineService = OnlineService.Full;
    private bool integrated = true;
    private bool hasFee;
    private bool personApplicant = true;
    private ProcessingTime? processingTime = new ProcessingTime(5, ProcessingTimeUnit.WorkingDays);
    private DateOnly? onlineOnlyFrom;
    private DateOnly? onlineOnlyTo;

    public ProcedureBuilder Code(string value)
    {
        code = value;
        return this;
    }

    public ProcedureBuilder AtLevel(UnitLevel value)
    {
        level = value;
        return this;
    }

    public ProcedureBuilder Online(OnlineService value)
    {
        onlineService = value;
        return this;
    }

    public ProcedureBuilder NotIntegrated()
    {
        integrated = false;
        return this;
    }

    public ProcedureBuilder WithFee()
    {
        hasFee = true;
        return this;
    }

    public ProcedureBuilder OrganisationApplicant()
    {
        personApplicant = false;
        return this;
    }

    public ProcedureBuilder Takes(decimal value, ProcessingTimeUnit unit)
    {
        processingTime = new ProcessingTime(value, unit);
        return this;
    }

    public ProcedureBuilder NoProcessingTime()
    {
        processingTime = null;
        return this;
    }

    public ProcedureBuilder OnlineOnly(DateOnly? from, DateOnly? to)
    {
        onlineOnlyFrom = from;
        onlineOnlyTo = to;
        return this;
    }

    public Procedure Build() =>
        new(
            code,
            "Test procedure " + code,
            "Tư pháp",
            level,
            onlineService,
            integrated,
            hasFee,
            personApplicant,
            processingTime,
            onlineOnlyFrom,
            onlineOnlyTo
        );
}
