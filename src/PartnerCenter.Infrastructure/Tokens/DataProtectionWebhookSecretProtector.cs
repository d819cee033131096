using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PartnerCenter.Core.Webhooks;

namespace PartnerCenter.Infrastructure.Tokens;

/// <summary>Webhook signing secrets protected with the app's Data Protection keys (kept in the database), under their own purpose.</summary>
public sealed class DataProtectionWebhookSecretProtector(IDataProtectionProvider provider) : IWebhookSecretProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("PartnerCenter.Webhooks.Secret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
