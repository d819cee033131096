using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Customers;

/// <summary>The customer asks, on My Partner, to end the association with its partner, with a reason.</summary>
public sealed class RequestDisassociation(IAppDb db, UnitOfWork unit, CustomerSpend spend, AuditLog audit, TimeProvider clock)
{
    public static readonly Error AlreadyAsked = new("already_asked", "You have already asked to end the association. Your partner has 7 days to answer.");

    public async Task<Result<DisassociationRequest>> ExecuteAsync(string customerUserId, string reason, CancellationToken ct)
    {
        if (!DisassociationRequest.IsValidReason(reason))
        {
            return DisassociationRequest.InvalidReason;
        }

        var now = clock.UtcNow();
        return await unit.RunAsync(async innerCt =>
        {
            var accountId = await db.Users.Where(u => u.Id == customerUserId).Select(u => u.CustomerAccountId).FirstOrDefaultAsync(innerCt);
            var account = accountId is null ? null : await db.CustomerAccounts.FirstOrDefaultAsync(a => a.Id == accountId, innerCt);
            if (account is null)
            {
                return Error.NotFound("Customer account");
            }

            if (account.AssociatedPartnerId is not { } partnerId)
            {
                return CustomerAccount.NotAssociated;
            }

            var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, innerCt);
            var monthStart = BudgetPeriod.MonthStart(now, partner.TimeZone);
            if (account.CheckCanLeave(await spend.UnpaidThisPeriodAsync(account, monthStart, innerCt)) is { } problem)
            {
                return problem;
            }

            if (await db.DisassociationRequests.AnyAsync(r => r.CustomerAccountId == account.Id && r.Status == DisassociationStatus.Pending, innerCt))
            {
                return AlreadyAsked;
            }

            var opened = DisassociationRequest.Open(account, customerUserId, reason, now);
            if (!opened.IsSuccess)
            {
                return opened;
            }

            var request = opened.Value!;
            db.DisassociationRequests.Add(request);
            audit.Record(customerUserId, request.PartnerId, "DisassociationRequested", nameof(DisassociationRequest), request.Id.ToString(),
                after: new { Status = request.Status.ToString(), request.Reason, AccountId = account.Id });
            return Result<DisassociationRequest>.Ok(request);
        }, AlreadyAsked, ct);
    }
}
