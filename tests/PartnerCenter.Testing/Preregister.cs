using System.Net;
using Microsoft.EntityFrameworkCore;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Testing;

/// <summary>The app's database as a test reaches it: through the app's own scope, or the file directly.</summary>
public interface IAppDatabase
{
    /// <summary>"Now" as the records should see it: the app's clock, or the real one.</summary>
    DateTime Now { get; }

    Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query);
}

/// <summary>
/// The one way tests preregister a customer: through the form, as partner staff do
/// (<see cref="SubmitPreregistrationAsync"/>), or, for set-up in bulk or in the past, straight
/// into the database through the domain (<see cref="AddPreregistrationsAsync"/> and its short forms).
/// </summary>
public static class Preregister
{
    public const string FormUrl = "/CustomerDevelopment/Preregister";

    /// <summary>A valid German mobile: Northwind and Tailspin develop business in DE.</summary>
    public const string GermanMobileNumber = "+4915123456789";

    /// <summary>A Brazilian mobile: a customer without a platform account is judged by it, and Northwind develops business only in DE.</summary>
    public const string BrazilianMobileNumber = "+5511912345677";

    /// <summary>The form fields of a preregistration, for a raw POST.</summary>
    public static (string Name, string? Value)[] FormFields(string name, string email, string mobile, bool sendInvitation = false, bool confirmReview = false) =>
        [("FullName", name), ("Email", email), ("Mobile", mobile), ("SendInvitation", sendInvitation ? "true" : "false"), ("ConfirmReview", confirmReview ? "true" : "false")];

    /// <summary>
    /// Opens the Preregister Customer form and submits it as a partner would (OK). With
    /// <paramref name="confirmReview"/>, a customer the rules send to manual review is confirmed on the
    /// offered page's "Submit for manual review". Returns the last response (a redirect when it worked).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitPreregistrationAsync(this PartnerCenterClient client,
        string name, string email, string mobile = GermanMobileNumber, bool sendInvitation = false, bool confirmReview = false)
    {
        var form = await client.GetPageAsync(FormUrl);
        form.AssertStatus(HttpStatusCode.OK);
        var response = await client.SubmitAsync(form, form.FormOfButton("OK"),
            ("FullName", name), ("Email", email), ("Mobile", mobile), ("SendInvitation", sendInvitation ? "true" : "false"));
        if (!confirmReview || response.StatusCode != HttpStatusCode.OK)
        {
            return response;
        }

        var offer = await HtmlPage.ReadAsync(response);
        response.Dispose();
        Assert.Contains("This customer needs a manual review", offer.MainText, StringComparison.Ordinal);
        return await client.SubmitAsync(offer, offer.FormOfButton("Submit for manual review"));
    }

    /// <summary>Preregisters through the form and returns the new live record's id; throws when the form refused.</summary>
    public static async Task<Guid> PreregisterOrThrowAsync(this PartnerCenterClient client, IAppDatabase app,
        string name, string email, string mobile = GermanMobileNumber, bool sendInvitation = false, bool confirmReview = false)
    {
        using (var response = await client.SubmitPreregistrationAsync(name, email, mobile, sendInvitation, confirmReview))
        {
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Preregistering {email} failed: {await HtmlPage.ReadAsync(response)}");
            }
        }

        return await app.PreregistrationIdAsync(email);
    }

    /// <summary>The id of the customer's newest live (not deleted) preregistration.</summary>
    public static Task<Guid> PreregistrationIdAsync(this IAppDatabase app, string email) =>
        app.WithDbAsync(db => db.Preregistrations
            .Where(p => p.CustomerEmail == email && p.Status != PreregistrationStatus.Deleted)
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => p.Id)
            .FirstAsync());

    public static Task<int> PartnerIdAsync(this IAppDatabase app, string partner) =>
        app.WithDbAsync(db => db.Partners.Where(p => p.Name == partner).Select(p => p.Id).SingleAsync());

    public static MobileNumber Mobile(string e164) =>
        MobileNumber.TryParse(e164, out var number) ? number! : throw new ArgumentException($"{e164} is not a valid mobile.", nameof(e164));

    /// <summary>A record made through the domain, <paramref name="at"/> being when it was submitted.</summary>
    public static Preregistration NewRecord(int partnerId, string name, string email, string mobile, DateTime at,
        ReviewTrigger trigger = ReviewTrigger.None, DateTime? reviewDueAt = null) =>
        Preregistration.Submit(partnerId, email, name, Mobile(mobile), false, trigger, null, at, reviewDueAt);

    /// <summary>Saves records arranged through the domain, as if submitted earlier.</summary>
    public static Task AddAsync(this IAppDatabase app, params Preregistration[] records) =>
        app.WithDbAsync(async db =>
        {
            db.Preregistrations.AddRange(records);
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// Adds preregistrations of <paramref name="partner"/> straight to the database, submitted
    /// <paramref name="age"/> before "now"; a review trigger makes them Pending review, due in two days.
    /// Returns their ids in the order given.
    /// </summary>
    public static Task<List<Guid>> AddPreregistrationsAsync(this IAppDatabase app, string partner,
        IEnumerable<(string Name, string Email)> customers, TimeSpan age = default, string mobile = GermanMobileNumber,
        ReviewTrigger trigger = ReviewTrigger.None)
    {
        var at = app.Now - age;
        return app.WithDbAsync(async db =>
        {
            var partnerId = await db.Partners.Where(p => p.Name == partner).Select(p => p.Id).SingleAsync();
            var records = customers
                .Select(c => NewRecord(partnerId, c.Name, c.Email, mobile, at, trigger, trigger == ReviewTrigger.None ? null : at.AddDays(2)))
                .ToList();
            db.Preregistrations.AddRange(records);
            await db.SaveChangesAsync();
            return records.Select(r => r.Id).ToList();
        });
    }

    /// <summary>One preregistration of <paramref name="partner"/> straight to the database; see <see cref="AddPreregistrationsAsync"/>.</summary>
    public static async Task<Guid> AddPreregistrationAsync(this IAppDatabase app, string partner, string name, string email,
        TimeSpan age = default, string mobile = GermanMobileNumber, ReviewTrigger trigger = ReviewTrigger.None) =>
        (await app.AddPreregistrationsAsync(partner, [(name, email)], age, mobile, trigger)).Single();

    /// <summary><paramref name="count"/> Preregistered records, <c>{prefix}001@prospects.example</c> on.</summary>
    public static Task<List<Guid>> AddPreregisteredAsync(this IAppDatabase app, string partner, string prefix, int count, TimeSpan age = default) =>
        app.AddPreregistrationsAsync(partner,
            Enumerable.Range(1, count).Select(i => ($"{Capitalized(prefix)} Customer{i:000}", $"{prefix}{i:000}@prospects.example")),
            age, "+4915123456799");

    /// <summary>A fresh, lower-case address no seeded record uses.</summary>
    public static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}"[..(who.Length + 13)] + "@prospects.example";

    private static string Capitalized(string prefix) => string.Concat(prefix[..1].ToUpperInvariant(), prefix[1..]);
}
