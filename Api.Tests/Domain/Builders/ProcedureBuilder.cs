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
    private bool paperResult = true;
    private bool? fullOnlineEligible;
    private bool onlinePaymentOnPortal;

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

    /// <summary>The result is not a paper document (electronic results do not count for it).</summary>
    public ProcedureBuilder NonPaperResult()
    {
        paperResult = false;
        return this;
    }

    public ProcedureBuilder FullOnlineEligible(bool value)
    {
        fullOnlineEligible = value;
        return this;
    }

    public ProcedureBuilder PayableOnPortal()
    {
        onlinePaymentOnPortal = true;
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
        )
        {
            PaperResult = paperResult,
            FullOnlineEligible = fullOnlineEligible,
            OnlinePaymentOnPortal = onlinePaymentOnPortal,
        };
}
