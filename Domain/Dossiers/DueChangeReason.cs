namespace Scorecard.Domain.Dossiers;

/// <summary>
/// Why a promised return date changed (<c>due-changed</c>). Wire names <c>supplement</c>, <c>correction</c>,
/// <c>apology</c>. A stored event without a reason is read as a correction.
/// </summary>
public enum DueChangeReason
{
    /// <summary>A new promised date issued with a supplement: it includes the pause before it.</summary>
    Supplement,

    /// <summary>A fix of the data: it replaces the promised date given at reception.</summary>
    Correction,

    /// <summary>
    /// A new date issued with an apology letter [phiếu xin lỗi và hẹn lại ngày trả kết quả]: an admission
    /// of lateness, stored and shown but never moving the deadline timeliness is judged against.
    /// </summary>
    Apology,
}
