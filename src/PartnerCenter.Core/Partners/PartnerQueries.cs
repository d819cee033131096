using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Partners;

public sealed record EcosystemManagerContact(string Name, string Email, string? Phone);

/// <summary>Reads about one partner that several pages share.</summary>
public sealed class PartnerQueries(IAppDb db)
{
    public Task<EcosystemManagerContact?> EcosystemManagerOfAsync(int partnerId, CancellationToken ct = default) =>
        (from p in db.Partners
         join u in db.Users on p.EcosystemManagerId equals u.Id
         where p.Id == partnerId
         select new EcosystemManagerContact(u.DisplayName, u.Email!, u.PhoneNumber))
        .AsNoTracking()
        .FirstOrDefaultAsync(ct);

    public Task<Partner?> FindAsync(int partnerId, CancellationToken ct = default) =>
        db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct);

    /// <summary>Partner admins always may develop customers; staff need the granted permission.</summary>
    public Task<bool> CanDevelopCustomersAsync(string userId, bool isAdmin, CancellationToken ct = default) =>
        isAdmin
            ? Task.FromResult(true)
            : db.Users.AnyAsync(u => u.Id == userId && u.HasCustomerDevelopment, ct);
}
