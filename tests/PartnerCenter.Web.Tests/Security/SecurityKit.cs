namespace PartnerCenter.Web.Tests.Security;

/// <summary>Set-up the security suites share: fresh Northwind records, tokens, outcome classes.</summary>
internal static class SecurityKit
{
    /// <summary>A Northwind record added straight to the database, in the state a trigger gives it.</summary>
    public static Task<Guid> AddNorthwindRecordAsync(this TestApp app, string name = "Fresh Customer", ReviewTrigger trigger = ReviewTrigger.None, string? email = null) =>
        app.AddPreregistrationAsync(Northwind, name, email ?? $"fresh.{Guid.NewGuid():N}@prospects.example", trigger: trigger);

    /// <summary>A Northwind record an ecosystem manager returned for edits (Action required, the name marked).</summary>
    public static Task<Guid> AddNorthwindReturnedRecordAsync(this TestApp app) =>
        app.WithDbAsync(async db =>
        {
            var partnerId = await db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync();
            var now = app.Now;
            var record = Preregister.NewRecord(partnerId, "Returned Customer", $"returned.{Guid.NewGuid():N}@prospects.example",
                Preregister.GermanMobileNumber, now, ReviewTrigger.Country, now.AddDays(2));
            if (!record.ReturnForEdits("Check the name", ReturnFields.Name, now, now.AddDays(7)).IsSuccess)
            {
                throw new InvalidOperationException("The record could not be returned.");
            }

            db.Preregistrations.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });

    /// <summary>A Northwind record 12 days into its 15: in the window to ask for an extension, or (<paramref name="requested"/>) asking for one.</summary>
    public static Task<Guid> AddNorthwindLapsingRecordAsync(this TestApp app, bool requested = false) =>
        app.WithDbAsync(async db =>
        {
            var partnerId = await db.Partners.Where(p => p.Name == Northwind).Select(p => p.Id).SingleAsync();
            var now = app.Now;
            var record = Preregister.NewRecord(partnerId, "Lapsing Customer", $"lapsing.{Guid.NewGuid():N}@prospects.example",
                Preregister.GermanMobileNumber, now.AddDays(-12));
            if (requested && !record.RequestExtension("The customer is travelling", now, now.AddDays(2)).IsSuccess)
            {
                throw new InvalidOperationException("The extension could not be requested.");
            }

            db.Preregistrations.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });

    public static Task<int> NorthwindCustomerIdAsync(this TestApp app) =>
        app.WithDbAsync(db => db.CustomerAccounts.Where(c => c.Email == Loyal).Select(c => c.Id).SingleAsync());

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
            401 => "U",
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
