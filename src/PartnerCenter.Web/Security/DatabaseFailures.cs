using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PartnerCenter.Web.Security;

public static class DatabaseFailures
{
    /// <summary>The database is busy, locked, unreachable or timed out: a temporary condition, not a bug.</summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        DbException or TimeoutException => true,
        RetryLimitExceededException => true,
        DbUpdateConcurrencyException => false,
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}
