namespace PartnerCenter.Web.Features.Mailbox;

public sealed record MailboxMessage(MailboxItem Item, string From, string? Text, IReadOnlyList<string> Links);
