using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Web.Tests.Infrastructure;

namespace PartnerCenter.Web.Tests.Security;

/// <summary>Set-up the security suites share: fresh Northwind records, tokens, outcome classes.</summary>
internal static class SecurityKit
{
    public const string Northwind = "Northwind Cloud";

    /// <summary>A Northwind record added straight to the database, in the state a trigger gives it.</summary>
    public static Task<Guid> AddNorthwindRecordAsync(this PartnerCenterFactory app, string name = "Fresh Customer", ReviewTrigger trigger = ReviewTrigger.None, string? email = null) =>
        app.WithDbAsync(async db =>
        {
            var partnerId = await db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync();
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            if (!MobileNumber.TryParse("+4915123456798", out var mobile))
            {
                throw new InvalidOperationException("The test mobile number does not parse.");
            }

            var record = Preregistration.Submit(partnerId, email ?? $"fresh.{Guid.NewGuid():N}@prospects.example", name, mobile!, false,
                trigger, null, now, trigger == ReviewTrigger.None ? null : now.AddDays(2));
            db.Preregistrations.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });

    public static Task<int> NorthwindCustomerIdAsync(this PartnerCenterFactory app) =>
        app.WithDbAsync(db => db.CustomerAccounts.Where(c => c.Email == "loyal@customers.example").Select(c => c.Id).SingleAsync());

    /// <summary>The class of an answer, as the matrix compares them.</summary>
    public static string Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location?.ToString() ?? "";
            return location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) ? "S"
                : location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? "F"
                : "R";
        }

        return status switch
        {
            >= 200 and < 300 => "O",
            403 => "F",
            404 => "N",
            400 => "B",
            429 => "T",
            500 => "E",
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static bool IsServerError(HttpStatusCode status) => (int)status >= 500;
}
