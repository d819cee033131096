namespace PartnerCenter.Web.Features.Mailbox;

public sealed record MailboxItem(string Id, DateTimeOffset Date, string To, string Subject);
