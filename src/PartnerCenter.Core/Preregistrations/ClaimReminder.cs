namespace PartnerCenter.Core.Preregistrations;

/// <summary>
/// A reminder that went out for one claim at one threshold (3 or 1 days before it lapses). The unique key
/// (preregistration, days) makes "once per claim per threshold" hold across app instances.
/// </summary>
public class ClaimReminder
{
    public long Id { get; set; }
    public Guid PreregistrationId { get; set; }
    public int PartnerId { get; set; }

    /// <summary>One of <see cref="Preregistration.ReminderDays"/>.</summary>
    public int DaysBefore { get; set; }
    public DateTime At { get; set; }
}
