using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PartnerCenter.Core.Invitations;

namespace PartnerCenter.Infrastructure.Tokens;

/// <summary>Invitation tokens protected with the app's Data Protection keys (kept in the database), under their own purpose.</summary>
public sealed class DataProtectionTokenProtector(IDataProtectionProvider provider) : ITokenProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("PartnerCenter.Invitations.Token.v1");

    public string Protect(string token) => protector.Protect(token);

    public string? Unprotect(string protectedToken)
    {
        try
        {
            return protector.Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
