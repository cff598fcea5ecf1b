namespace Scorecard.Domain.Sync;

/// <summary>
/// What a one-stop-shop system's status code [TrangThaiHoSo] means here (wire names <c>submitted</c>,
/// <c>received</c>, … <c>returned</c>). Codes differ between systems, so each source maps its own (<see
/// cref="StatusMapping"/>).
/// </summary>
public enum SyncStatus
{
    /// <summary>Registered online, not yet received [mới đăng ký]: nothing counts yet.</summary>
    Submitted,

    /// <summary>Received [được tiếp nhận].</summary>
    Received,

    /// <summary>Being handled [đang xử lý].</summary>
    Processing,

    /// <summary>Waiting for the applicant to supplement [yêu cầu bổ sung giấy tờ].</summary>
    AwaitingSupplement,

    /// <summary>Waiting for the applicant's fees [yêu cầu thực hiện nghĩa vụ tài chính].</summary>
    AwaitingPayment,

    /// <summary>Refused [không được tiếp nhận, từ chối].</summary>
    Refused,

    /// <summary>Withdrawn at the applicant's request [công dân yêu cầu rút hồ sơ].</summary>
    Withdrawn,

    /// <summary>Handling stopped [dừng xử lý].</summary>
    Stopped,

    /// <summary>Handled [đã xử lý xong].</summary>
    Resolved,

    /// <summary>Result returned to the applicant [đã trả kết quả].</summary>
    Returned,
}
