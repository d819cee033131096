using PartnerCenter.Core.Common;
namespace PartnerCenter.Core.Mail;

/// <summary>One claim in a reminder digest: who, and when it lapses.</summary>
public sealed record LapsingClaim(string CustomerName, string MaskedEmail, DateTime ExpiresAtUtc, int DaysBefore);

/// <summary>The digest a partner recipient gets: every claim of theirs lapsing on a reminder day.</summary>
public sealed record ClaimRemindersEmail(string PartnerName, IReadOnlyList<LapsingClaim> Claims) : EmailModel
{
    public override string Template => "ClaimReminders";
    protected override Phrase SubjectText => Claims.Count == 1
        ? new("Preregistration of {0} lapses soon", Claims[0].CustomerName)
        : new("{0} preregistrations lapse soon", Claims.Count);
}
