using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Core.Associations;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Customers;

/// <summary>
/// The partner consents to a customer's request to end the association: the account leaves the partner's
/// Customers, its budget and freeze settings end, both sides are emailed, History Records and the audit keep it.
/// </summary>
public sealed class ConsentDisassociation(IAppDb db, UnitOfWork unit, IEmailRenderer renderer, PartnerNotices notices, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<DisassociationRequest>> ExecuteAsync(string userId, int partnerId, Guid requestId, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var facts = await (from r in db.DisassociationRequests
                           join a in db.CustomerAccounts on r.CustomerAccountId equals a.Id
                           join p in db.Partners on r.PartnerId equals p.Id
                           where r.Id == requestId && r.PartnerId == partnerId
                           select new
                           {
                               Partner = p,
                               Account = a,
                               CustomerZoneId = db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.TimeZoneId).FirstOrDefault(),
                               CustomerLanguage = db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.Language).FirstOrDefault(),
                           })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (facts is null)
        {
            return Error.NotFound("Request");
        }

        // Emails are rendered before the transaction (each in its reader's zone) and queued only if the association ends.
        var (partner, customer) = (facts.Partner, facts.Account);
        var toPartner = await notices.PrepareAsync(partner, PartnerNotice.AssociationEnded,
            zone => new AssociationEndedEmail(partner.Name, customer.Name, customer.Email, now, ToPartner: true) { Zone = zone }, ct);
        var customerZone = TimeZones.Find(ReaderZones.Resolve(facts.CustomerZoneId, null, ReaderZones.DefaultFor(null, customer)));
        var toCustomer = await renderer.RenderAsync(
            new AssociationEndedEmail(partner.Name, customer.Name, customer.Email, now, ToPartner: false)
            {
                Zone = customerZone,
                Language = Languages.OrDefault(facts.CustomerLanguage),
            }, ct);

        return await unit.RunAsync(async innerCt =>
        {
            var request = await db.DisassociationRequests.FirstAsync(r => r.Id == requestId && r.PartnerId == partnerId, innerCt);
            var account = await db.CustomerAccounts.FirstAsync(a => a.Id == request.CustomerAccountId, innerCt);
            var consented = request.Consent(userId, now);
            if (!consented.IsSuccess)
            {
                return consented;
            }

            var before = account.Describe();
            var ended = account.EndAssociation(partnerId);
            if (!ended.IsSuccess)
            {
                return ended.Error!;
            }

            var preregistrationId = await db.Preregistrations
                .Where(p => p.PartnerId == partnerId && p.CustomerEmail == account.Email && p.Status == PreregistrationStatus.Associated)
                .OrderByDescending(p => p.CreatedAt).Select(p => p.Id).FirstOrDefaultAsync(innerCt);
            db.AssociationAttempts.Add(AssociationAttempt.EndedAt(partnerId, preregistrationId, account.Name, account.Email, now, request.Reason));
            audit.Record(userId, partnerId, "DisassociationConsented", nameof(DisassociationRequest), request.Id.ToString(),
                new { Status = nameof(DisassociationStatus.Pending) }, new { Status = nameof(DisassociationStatus.Consented) });
            audit.Record(userId, partnerId, "AssociationEnded", nameof(CustomerAccount), account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { AssociatedPartnerId = partnerId, Setting = before }, new { AssociatedPartnerId = (int?)null, Setting = account.Describe() });
            notices.Queue(toPartner, now);
            db.OutboxMessages.Add(OutboxMessage.For(toCustomer, customer.Email, now));
            return Result<DisassociationRequest>.Ok(request);
        }, DisassociationRequest.NotPending, ct);
    }
}

/// <summary>The partner declines a customer's request to end the association, with a reason the customer reads (emailed).</summary>
public sealed class DeclineDisassociation(IAppDb db, UnitOfWork unit, IEmailRenderer renderer, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<DisassociationRequest>> ExecuteAsync(string userId, int partnerId, Guid requestId, string reason, CancellationToken ct)
    {
        if (!DisassociationRequest.IsValidReason(reason))
        {
            return DisassociationRequest.InvalidReason;
        }

        var now = clock.UtcNow();
        var facts = await (from r in db.DisassociationRequests
                           join a in db.CustomerAccounts on r.CustomerAccountId equals a.Id
                           join p in db.Partners on r.PartnerId equals p.Id
                           where r.Id == requestId && r.PartnerId == partnerId
                           select new
                           {
                               p.Name,
                               CustomerName = a.Name,
                               a.Email,
                               Language = db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.Language).FirstOrDefault(),
                           })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (facts is null)
        {
            return Error.NotFound("Request");
        }

        var email = await renderer.RenderAsync(new DisassociationDeclinedEmail(facts.Name, facts.CustomerName, reason.Trim()) { Language = Languages.OrDefault(facts.Language) }, ct);
        return await unit.RunAsync(async innerCt =>
        {
            var request = await db.DisassociationRequests.FirstAsync(r => r.Id == requestId && r.PartnerId == partnerId, innerCt);
            var declined = request.Decline(userId, reason, now);
            if (!declined.IsSuccess)
            {
                return declined;
            }

            audit.Record(userId, partnerId, "DisassociationDeclined", nameof(DisassociationRequest), request.Id.ToString(),
                new { Status = nameof(DisassociationStatus.Pending) }, new { Status = nameof(DisassociationStatus.Declined), Reason = request.DeclineReason });
            db.OutboxMessages.Add(OutboxMessage.For(email, facts.Email, now));
            return Result<DisassociationRequest>.Ok(request);
        }, DisassociationRequest.NotPending, ct);
    }
}
