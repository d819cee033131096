using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Reviews;

/// <summary>
/// The ecosystem manager processes a background association ticket: associates the customer without
/// freezing (if still eligible) or declines it with a reason the partner sees.
/// </summary>
public sealed class ProcessBackgroundTicket(IAppDb db, AuditLog audit, TimeProvider clock)
{
    public static readonly Error NotOpen = new("ticket_decided", "This ticket has already been processed or declined.", ErrorKind.Conflict);
    public static readonly Error NoAccount = new("no_account", "The customer has no platform account yet, so they cannot be associated in the background.");

    public async Task<Result<BackgroundAssociationTicket>> ProcessAsync(string managerId, Guid ticketId, CancellationToken ct)
    {
        var (ticket, error) = await LoadAsync(managerId, ticketId, ct);
        if (ticket is null)
        {
            return error!;
        }

        var now = clock.UtcNow();
        var record = await db.Preregistrations.FirstAsync(p => p.Id == ticket.PreregistrationId, ct);
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == ticket.PartnerId, ct);
        var account = await db.CustomerAccounts.FirstOrDefaultAsync(a => a.Email == record.CustomerEmail, ct);
        var problem = record.StatusAt(now) != PreregistrationStatus.Preregistered
            ? PreregistrationErrors.NotInvitable(record.StatusAt(now))
            : account is null ? NoAccount
            : partner.IsPrepaid ? InvitationErrors.PrepaidPartner
            : AcceptInvitation.Ineligibility(partner, account, record.MobileRegion, now);
        if (problem is not null)
        {
            return problem;
        }

        record.MarkAssociated(now);
        account!.AssociatedPartnerId = partner.Id;
        account.AssociatedAt = now;
        account.IsFrozen = false;
        account.Version++;
        foreach (var link in await db.Invitations.Where(i => i.PreregistrationId == record.Id && i.Status == InvitationStatus.Active).ToListAsync(ct))
        {
            link.Revoke(now);
        }

        db.AssociationAttempts.Add(new AssociationAttempt
        {
            PartnerId = partner.Id,
            PreregistrationId = record.Id,
            CustomerName = record.CustomerName,
            CustomerEmail = record.CustomerEmail,
            At = now,
            Succeeded = true,
            SuggestedOperation = "Associated in the background (not frozen).",
        });
        Decide(ticket, managerId, TicketStatus.Processed, null, now);
        return await SaveAsync(ticket, ct);
    }

    public async Task<Result<BackgroundAssociationTicket>> DeclineAsync(string managerId, Guid ticketId, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > BackgroundAssociationTicket.ReasonMaxLength)
        {
            return DecideReview.ReasonRequired;
        }

        var (ticket, error) = await LoadAsync(managerId, ticketId, ct);
        if (ticket is null)
        {
            return error!;
        }

        Decide(ticket, managerId, TicketStatus.Declined, reason.Trim(), clock.UtcNow());
        return await SaveAsync(ticket, ct);
    }

    private async Task<(BackgroundAssociationTicket? Ticket, Error? Error)> LoadAsync(string managerId, Guid ticketId, CancellationToken ct)
    {
        var ticket = await (from t in db.BackgroundAssociationTickets
                            join p in db.Partners on t.PartnerId equals p.Id
                            where t.Id == ticketId && p.EcosystemManagerId == managerId
                            select t).FirstOrDefaultAsync(ct);
        if (ticket is null)
        {
            return (null, Error.NotFound("Ticket"));
        }

        return ticket.Status == TicketStatus.Open ? (ticket, null) : (null, NotOpen);
    }

    private void Decide(BackgroundAssociationTicket ticket, string managerId, TicketStatus status, string? reason, DateTime now)
    {
        ticket.Status = status;
        ticket.DecidedAt = now;
        ticket.DecidedByUserId = managerId;
        ticket.DeclineReason = reason;
        ticket.Version++;
        audit.Record(managerId, ticket.PartnerId, status == TicketStatus.Processed ? "BackgroundAssociationProcessed" : "BackgroundAssociationDeclined",
            nameof(BackgroundAssociationTicket), ticket.Id.ToString(), new { Status = nameof(TicketStatus.Open) }, new { Status = status.ToString(), Reason = reason });
    }

    private async Task<Result<BackgroundAssociationTicket>> SaveAsync(BackgroundAssociationTicket ticket, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return ticket;
        }
        catch (DbUpdateConcurrencyException)
        {
            return NotOpen;
        }
    }
}
