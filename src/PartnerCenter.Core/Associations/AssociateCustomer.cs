using System.Globalization;
using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Invitations;
using PartnerCenter.Core.Partners;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Core.Associations;

/// <summary>How a customer came to be associated.</summary>
/// <param name="Invitation">The link the customer used; null for a background association.</param>
public sealed record AssociationRoute(Invitation? Invitation, string ActorUserId)
{
    /// <summary>Through a link, the account starts frozen; in the background it is never interrupted.</summary>
    public bool Frozen => Invitation is not null;
}

/// <summary>
/// The one step that makes a customer the partner's customer, in the caller's unit of work: the
/// preregistration becomes Associated, the account is associated (frozen or not), every other link is
/// revoked with its queued emails, and the partner's History Records and the audit trail get a row.
/// </summary>
public sealed class AssociateCustomer(IAppDb db, InvitationRevoker revoker, AuditLog audit)
{
    public const string InBackgroundNote = "Associated in the background (not frozen).";

    /// <summary>
    /// Why <paramref name="account"/> cannot become <paramref name="partner"/>'s customer now: the
    /// claim's own state (and the prepaid refusal), every refusal cause of preregistration, and the
    /// causes that only matter at association. Null when it can.
    /// </summary>
    public static Error? Problem(Preregistration record, Partner partner, CustomerAccount account, DateTime now)
    {
        if (record.CheckInvitable(partner, now) is { } notInvitable)
        {
            return notInvitable;
        }

        var verdict = PreregistrationRules.Evaluate(partner, account, heldByAnotherPartner: false, record.MobileRegion, now);
        if (verdict.IsRefused)
        {
            return verdict.Refusals[0];
        }

        if (account.AssociatedPartnerId == partner.Id)
        {
            return PreregistrationErrors.AlreadyYourCustomer;
        }

        return account switch
        {
            { IsPartnerOrApplicant: true } => AssociationErrors.PartnerOrApplicant,
            { HasSpecialContract: true } => AssociationErrors.SpecialContract,
            { IsInternalAccount: true } => AssociationErrors.InternalAccount,
            { EnterpriseMasterLink: EnterpriseMasterLink.MasterWithIndependentMembers } => AssociationErrors.IndependentMaster,
            _ => null,
        };
    }

    public async Task<Result<CustomerAccount>> ExecuteAsync(
        Preregistration record, Partner partner, CustomerAccount account, AssociationRoute route, DateTime now, CancellationToken ct)
    {
        if (Problem(record, partner, account, now) is { } problem)
        {
            return problem;
        }

        var before = new { account.AssociatedPartnerId, account.IsFrozen };
        record.MarkAssociated(partner, now);
        account.AssociateWith(partner.Id, now, route.Frozen);
        if (route.Invitation is { } used)
        {
            used.MarkUsed(now);
            db.InvitationEvents.Add(InvitationEvent.For(used, InvitationEventKind.Used, now));
        }

        await revoker.RevokeAsync([record.Id],
            route.Invitation is null ? "Customer associated in the background" : "Customer associated through another link",
            now, ct, except: route.Invitation?.Id);
        db.AssociationAttempts.Add(AssociationAttempt.Success(record, now, route.Invitation is null ? InBackgroundNote : null));
        audit.Record(route.ActorUserId, partner.Id, "CustomerAssociated", nameof(CustomerAccount), account.Id.ToString(CultureInfo.InvariantCulture),
            before, new { account.AssociatedPartnerId, account.IsFrozen, PreregistrationId = record.Id });
        return account;
    }
}
