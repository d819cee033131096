using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Preregistrations;

/// <summary>The lifecycle of a preregistration (docs/domain.md, "Statuses of a preregistration").</summary>
public enum PreregistrationStatus
{
    /// <summary>Waiting for an ecosystem manager's decision; counts toward the cap; cannot be invited or deleted.</summary>
    PendingReview = 1,
    /// <summary>A valid 15-day claim; counts toward the cap; can be invited and deleted.</summary>
    Preregistered = 2,
    /// <summary>The review refused it, with the reviewer's reason; can be deleted.</summary>
    Rejected = 3,
    /// <summary>15 days passed without association; the customer is free again; can be deleted.</summary>
    Expired = 4,
    /// <summary>The customer accepted and is now the partner's customer; final.</summary>
    Associated = 5,
    /// <summary>Deleted by the partner; kept for history and audit, hidden from the working list.</summary>
    Deleted = 6,
    /// <summary>A historical customer of the partner that was never preregistered; read-only.</summary>
    NotPreregistered = 7,
    /// <summary>
    /// An ecosystem manager returned it for edits: the partner corrects the marked fields and resubmits. It keeps its
    /// claim and counts toward the cap; left for 5 working days it lapses to Expired.
    /// </summary>
    ActionRequired = 8,
    /// <summary>
    /// Preregistered, and the partner asked for 15 more days: waits for an ecosystem manager; does not lapse while
    /// pending; counts toward the cap; cannot be invited until decided.
    /// </summary>
    ExtensionRequested = 9,
}

/// <summary>The fields an ecosystem manager can ask the partner to correct (never the email, which identifies the customer).</summary>
[Flags]
public enum ReturnFields
{
    None = 0,
    Name = 1,
    Mobile = 2,
}

/// <summary>Why a preregistration needs an ecosystem manager's decision.</summary>
public enum ReviewTrigger
{
    /// <summary>No review needed.</summary>
    None = 0,
    /// <summary>Preregistered by the platform's direct sales team and registered over 7 days ago or spending.</summary>
    DirectSales = 1,
    /// <summary>The customer's country is not one where the partner develops business.</summary>
    Country = 2,
    /// <summary>The customer belongs to the platform's online sales team.</summary>
    OnlineSalesTeam = 3,
}

/// <summary>The one home of how statuses, triggers and returned fields read, in the reader's language (Resources/DomainText.*.resx).</summary>
public static class PreregistrationStatusText
{
    /// <summary>The status as the reader reads it, in the current UI culture.</summary>
    public static string Label(this PreregistrationStatus status) => status.Text().ToString();

    /// <summary>The status's text, translated when read: an argument of other messages.</summary>
    public static Phrase Text(this PreregistrationStatus status) => status switch
    {
        PreregistrationStatus.PendingReview => "Pending review",
        PreregistrationStatus.Preregistered => "Preregistered",
        PreregistrationStatus.Rejected => "Rejected",
        PreregistrationStatus.Expired => "Expired",
        PreregistrationStatus.Associated => "Associated",
        PreregistrationStatus.Deleted => "Deleted",
        PreregistrationStatus.NotPreregistered => "Not preregistered",
        PreregistrationStatus.ActionRequired => "Action required",
        PreregistrationStatus.ExtensionRequested => "Extension requested",
        _ => Phrase.Verbatim(status.ToString()),
    };

    /// <summary>The trigger as the partner who submitted the customer reads it.</summary>
    public static string Label(this ReviewTrigger trigger) => trigger.Text().ToString();

    /// <summary>The trigger's text, translated when read.</summary>
    public static Phrase Text(this ReviewTrigger trigger) => trigger switch
    {
        ReviewTrigger.DirectSales => "Preregistered by the platform's direct sales team",
        ReviewTrigger.Country => "Customer's country is outside your business countries",
        ReviewTrigger.OnlineSalesTeam => "Customer belongs to the platform's online sales team",
        _ => Phrase.Verbatim(""),
    };

    /// <summary>The fields to correct as the partner and the manager read them: "Name, Mobile number".</summary>
    public static string Label(this ReturnFields fields) => string.Join(Phrase.Translate(", "),
        new[] { (ReturnFields.Name, "Name"), (ReturnFields.Mobile, "Mobile number") }.Where(f => fields.HasFlag(f.Item1)).Select(f => Phrase.Translate(f.Item2)));

    /// <summary>The trigger as an ecosystem manager reads it: about the partner, never "your".</summary>
    public static string ManagerLabel(this ReviewTrigger trigger) => trigger switch
    {
        ReviewTrigger.Country => Phrase.Translate("Customer's country is outside the partner's business countries"),
        _ => trigger.Label(),
    };
}
