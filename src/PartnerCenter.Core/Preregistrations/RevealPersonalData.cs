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

/// <summary>The pages whose names, emails (and mobiles) are masked until revealed; each reveal is audited with its page.</summary>
public enum MaskedList
{
    /// <summary>Customer Development's list.</summary>
    PreregistrationList = 1,
    /// <summary>Sales &gt; Customers.</summary>
    Customers = 2,
    /// <summary>A customer's Adjustment records.</summary>
    AdjustmentRecords = 3,
    /// <summary>Customer Development's History Records tab.</summary>
    HistoryRecords = 4,
    /// <summary>A preregistration's Invitation history.</summary>
    InvitationHistory = 5,
}

/// <summary>Revealing a masked column is an explicit request, recorded in the audit log (who, when, which page, which column).</summary>
public sealed class RevealPersonalData(IAppDb db, AuditLog audit)
{
    public Task ExecuteAsync(string userId, int partnerId, MaskedColumn column, CancellationToken ct) =>
        ExecuteAsync(userId, partnerId, MaskedList.PreregistrationList, column, ct);

    public async Task ExecuteAsync(string userId, int partnerId, MaskedList list, MaskedColumn column, CancellationToken ct)
    {
        audit.Record(userId, partnerId, AuditQueries.RevealAction, list.ToString(), column.ToString(),
            after: new { Column = column.ToString() });
        await db.SaveChangesAsync(ct);
    }
}
