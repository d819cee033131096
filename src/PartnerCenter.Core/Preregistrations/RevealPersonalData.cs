using PartnerCenter.Core.Auditing;
using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Preregistrations;

public enum MaskedColumn
{
    /// <summary>Customer Name/Account Name.</summary>
    Name = 1,
    /// <summary>Email.</summary>
    Email = 2,
    /// <summary>Mobile Number.</summary>
    Mobile = 3,
}

/// <summary>Revealing a masked column is an explicit request, recorded in the audit log (who, when, which column).</summary>
public sealed class RevealPersonalData(IAppDb db, AuditLog audit)
{
    public async Task ExecuteAsync(string userId, int partnerId, MaskedColumn column, CancellationToken ct)
    {
        audit.Record(userId, partnerId, AuditQueries.RevealAction, "PreregistrationList", column.ToString(),
            after: new { Column = column.ToString() });
        await db.SaveChangesAsync(ct);
    }
}
