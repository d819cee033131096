namespace PartnerCenter.Core.Invitations;

/// <summary>
/// Reversible protection (encrypted and authenticated) of an invitation token, so the current link can
/// be shown again without the token ever being stored in plain text. Implemented with ASP.NET Data
/// Protection, whose keys are kept in the database and shared by every instance.
/// </summary>
public interface ITokenProtector
{
    string Protect(string token);

    /// <summary>The token, or null when <paramref name="protectedToken"/> cannot be read (tampered, or its key is gone).</summary>
    string? Unprotect(string protectedToken);
}
