namespace PartnerCenter.Core.Mail;

/// <summary>One claim in a reminder digest: who, and when it lapses.</summary>
public sealed record LapsingClaim(string CustomerName, string MaskedEmail, DateTime ExpiresAtUtc, int DaysBefore);

/// <summary>The digest a partner recipient gets: every claim of theirs lapsing on a reminder day.</summary>
public sealed record ClaimRemindersEmail(string PartnerName, IReadOnlyList<LapsingClaim> Claims) : EmailModel
{
    public override string Template => "ClaimReminders";
    public override string Subject => Claims.Count == 1
        ? $"Preregistration of {Claims[0].CustomerName} lapses soon"
        : $"{Claims.Count} preregistrations lapse soon";
}
