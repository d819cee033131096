using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Partners;

/// <summary>The partner admin reserves the contact preregistration needs.</summary>
public sealed class UpdateAccountInformation(IAppDb db, AuditLog audit)
{
    public async Task<Result<Partner>> ExecuteAsync(string userId, int partnerId, string? email, string? mobile, CancellationToken ct)
    {
        var partner = await db.Partners.FindAsync([partnerId], ct);
        if (partner is null)
        {
            return Error.NotFound("Partner");
        }

        var before = new { partner.ReservedEmail, partner.ReservedMobile };
        var e164 = MobileNumber.TryParse(mobile, out var number) ? number!.E164 : null;
        partner.ReserveContact(string.IsNullOrWhiteSpace(email) ? null : EmailAddress.Normalize(email), e164);
        audit.Record(userId, partnerId, "AccountInformationUpdated", nameof(Partner), partnerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before, new { partner.ReservedEmail, partner.ReservedMobile });
        await db.SaveChangesAsync(ct);
        return partner;
    }
}
