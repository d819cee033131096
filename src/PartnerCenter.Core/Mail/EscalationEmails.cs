using PartnerCenter.Core.Common;
using PartnerCenter.Core.Reviews;

namespace PartnerCenter.Core.Mail;

/// <summary>One overdue review in a digest or an escalation: whose, what kind, and since when it is due.</summary>
public sealed record OverdueReview(string PartnerName, string CustomerName, string MaskedEmail, ReviewKind Kind, DateTime OpenedAtUtc, DateTime DueAtUtc)
{
    public string KindLabel => Kind.Label();
}

/// <summary>The ecosystem manager's daily digest: every overdue review of the partners they look after.</summary>
public sealed record OverdueDigestEmail(string ManagerName, IReadOnlyList<OverdueReview> Items) : EmailModel
{
    public override string Template => "OverdueDigest";
    protected override Phrase SubjectText => Items.Count == 1 ? new Phrase("1 review is overdue") : new Phrase("{0} reviews are overdue", Items.Count);
}

/// <summary>
/// One review one working day past its target, to the escalation address (<c>Review:EscalationEmail</c>). The customer's
/// name and email are masked: the address is configured, not a user who may reveal them.
/// </summary>
public sealed record ReviewEscalationEmail(OverdueReview Item, string ManagerName) : EmailModel
{
    public override string Template => "ReviewEscalation";
    protected override Phrase SubjectText => new("Escalation: {0} for {1} is one working day overdue", Item.Kind.Text(), Item.PartnerName);
}
