using Microsoft.Extensions.Options;

namespace PartnerCenter.Web.Tests.Slices;

/// <summary>
/// Slice tests (Contoso style): the token and association rules called on the Core use cases
/// directly, resolved from the app's own DI container over a real, migrated SQLite file, on a fake
/// clock. No HTTP and no pages, so a failure points at the rule, not at a view.
/// </summary>
public sealed class InvitationSliceTests(FakeClockApp app) : AppTest<FakeClockApp>(app)
{
    private const string CustomerPassword = "Customer#2031";

    [Fact]
    public async Task An_unknown_token_is_not_found_when_opened_or_accepted()
    {
        var (_, token) = await InvitedAsync("Ursula Unknown");
        var customer = await RegisterAsync(token, "Ursula Unknown");
        var madeUp = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        Assert.Equal(InvitationErrors.NotFound, await OpenAsync(madeUp));
        Assert.Equal(InvitationErrors.NotFound, await OpenAsync(""));
        Assert.Equal(InvitationErrors.NotFound, (await AcceptAsync(madeUp, customer)).Error);
    }

    [Fact]
    public async Task A_link_past_its_lifetime_is_expired_and_cannot_be_accepted()
    {
        var (id, token) = await InvitedAsync("Erik Expired");
        var customer = await RegisterAsync(token, "Erik Expired");
        var lifetime = App.Services.GetRequiredService<IOptions<InvitationOptions>>().Value.Lifetime;

        App.Clock.Advance(lifetime - TimeSpan.FromMinutes(1));
        Assert.Null(await OpenAsync(token));
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(InvitationErrors.Expired, await OpenAsync(token));
        Assert.Equal(InvitationErrors.Expired, (await AcceptAsync(token, customer)).Error);
        Assert.Equal(PreregistrationStatus.Preregistered, (await App.WithDbAsync(db => db.Preregistrations.SingleAsync(p => p.Id == id))).Status);
    }

    [Fact]
    public async Task A_link_is_single_use()
    {
        var (_, token) = await InvitedAsync("Uwe Used");
        var customer = await RegisterAsync(token, "Uwe Used");

        var first = await AcceptAsync(token, customer);
        var second = await AcceptAsync(token, customer);

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal(InvitationErrors.Used, second.Error);
        Assert.Equal(InvitationErrors.Used, await OpenAsync(token));
    }

    [Fact]
    public async Task Deleting_the_preregistration_revokes_its_link_which_then_reads_as_not_found()
    {
        var (id, token) = await InvitedAsync("Rita Revoked");
        var customer = await RegisterAsync(token, "Rita Revoked");
        var (userId, partnerId) = await SalesAsync();

        var deleted = await App.WithServiceAsync<DeletePreregistrations, Result<IReadOnlyList<DeletionResult>>>(
            use => use.ExecuteAsync(userId, partnerId, [id], CancellationToken.None));

        Assert.True(deleted.IsSuccess, deleted.Error?.Message);
        Assert.Equal(InvitationErrors.Revoked, await OpenAsync(token));
        Assert.Equal(InvitationErrors.Revoked, (await AcceptAsync(token, customer)).Error);
    }

    [Fact]
    public async Task A_link_never_outlives_the_preregistration()
    {
        var (userId, partnerId) = await SalesAsync();
        var id = await SubmitAsync("Lotte Late", Preregister.NewEmail("lotte"));
        var claimEnds = (await App.WithDbAsync(db => db.Preregistrations.SingleAsync(p => p.Id == id))).ExpiresAt!.Value;

        // Two days before the claim ends, a link of a week's lifetime is cut to the claim's end.
        App.Clock.Advance(claimEnds - App.Now - TimeSpan.FromDays(2));
        var link = await App.WithServiceAsync<CreateInvitationLink, Result<InvitationLink>>(
            use => use.ExecuteAsync(userId, partnerId, id, CancellationToken.None));
        var token = new Uri(link.Value!.Url).AbsolutePath["/invite/".Length..];

        Assert.Equal(claimEnds, link.Value.ExpiresAt);
        Assert.Null(await OpenAsync(token));
        App.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(InvitationErrors.Expired, await OpenAsync(token));
    }

    [Fact]
    public async Task A_customer_signed_in_with_another_email_is_refused_and_nothing_is_associated()
    {
        var (_, ownToken) = await InvitedAsync("Otto Own");
        var other = await RegisterAsync(ownToken, "Otto Own");
        var (id, token) = await InvitedAsync("Ida Invited");

        var result = await AcceptAsync(token, other);

        Assert.Equal(AssociationErrors.DifferentEmail, result.Error);
        Assert.Equal(PreregistrationStatus.Preregistered, (await App.WithDbAsync(db => db.Preregistrations.SingleAsync(p => p.Id == id))).Status);
        Assert.Null(await OpenAsync(token));
    }

    [Fact]
    public async Task A_prepaid_partner_cannot_associate_and_the_link_stays_usable()
    {
        var (id, token) = await InvitedAsync("Paula Prepaid");
        var customer = await RegisterAsync(token, "Paula Prepaid");
        await SetNorthwindPrepaidAsync(true);
        try
        {
            var refused = await AcceptAsync(token, customer);

            // Same code; the customer reads their own words, never the partner-side reason.
            Assert.Equal(AssociationErrors.ForCustomer(InvitationErrors.PrepaidPartner), refused.Error);
            Assert.Equal(InvitationErrors.PrepaidPartner.Code, refused.Error!.Code);
            Assert.DoesNotContain("prepaid", refused.Error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(PreregistrationStatus.Preregistered, (await App.WithDbAsync(db => db.Preregistrations.SingleAsync(p => p.Id == id))).Status);
        }
        finally
        {
            await SetNorthwindPrepaidAsync(false);
        }

        Assert.True((await AcceptAsync(token, customer)).IsSuccess);
    }

    [Fact]
    public async Task Accepting_marks_the_preregistration_Associated_and_freezes_the_customer_account()
    {
        var (id, token) = await InvitedAsync("Anton Accepted");
        var customer = await RegisterAsync(token, "Anton Accepted");
        var partnerId = await App.PartnerIdAsync(Northwind);

        var result = await AcceptAsync(token, customer);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal((Northwind, App.Now), (result.Value!.PartnerName, result.Value.AssociatedAt));
        Assert.Equal(PreregistrationStatus.Associated, (await App.WithDbAsync(db => db.Preregistrations.SingleAsync(p => p.Id == id))).Status);
        var account = await App.WithDbAsync(db => db.CustomerAccounts.AsNoTracking()
            .SingleAsync(a => a.Id == db.Users.Where(u => u.Id == customer).Select(u => u.CustomerAccountId).Single()));
        Assert.Equal((partnerId, true, App.Now), (account.AssociatedPartnerId, account.IsFrozen, account.AssociatedAt));
    }

    private async Task<(string UserId, int PartnerId)> SalesAsync() =>
        (await App.UserIdAsync(DemoUsers.NorthwindSales), await App.PartnerIdAsync(Northwind));

    /// <summary>Northwind's sales user preregisters the customer through <see cref="SubmitPreregistration"/>.</summary>
    private async Task<Guid> SubmitAsync(string name, string email)
    {
        var (userId, partnerId) = await SalesAsync();
        var outcome = await App.WithServiceAsync<SubmitPreregistration, Result<SubmissionOutcome>>(use => use.ExecuteAsync(
            userId, partnerId, new PreregistrationRequest(name, email, Preregister.GermanMobileNumber, SendInvitation: false, ConfirmReview: false),
            CancellationToken.None));
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        return outcome.Value!.Record!.Id;
    }

    /// <summary>Preregistered and given a link through <see cref="CreateInvitationLink"/>; returns the record and the link's token.</summary>
    private async Task<(Guid Id, string Token)> InvitedAsync(string name)
    {
        var id = await SubmitAsync(name, Preregister.NewEmail(name.Split(' ')[0].ToLowerInvariant()));
        var (userId, partnerId) = await SalesAsync();
        var link = await App.WithServiceAsync<CreateInvitationLink, Result<InvitationLink>>(
            use => use.ExecuteAsync(userId, partnerId, id, CancellationToken.None));
        Assert.True(link.IsSuccess, link.Error?.Message);
        return (id, new Uri(link.Value!.Url).AbsolutePath["/invite/".Length..]);
    }

    /// <summary>The invited customer registers from the link (<see cref="RegisterCustomer"/>); returns the new user's id.</summary>
    private async Task<string> RegisterAsync(string token, string name)
    {
        var user = await App.WithServiceAsync<RegisterCustomer, Result<Core.Accounts.AppUser>>(
            use => use.ExecuteAsync(token, name, CustomerPassword, CancellationToken.None));
        Assert.True(user.IsSuccess, user.Error?.Message);
        return user.Value!.Id;
    }

    /// <summary>What <see cref="InvitationQueries.OpenAsync"/> refuses the token with; null when it opens.</summary>
    private async Task<Error?> OpenAsync(string token) =>
        (await App.WithServiceAsync<InvitationQueries, Result<InvitationLanding>>(use => use.OpenAsync(token, CancellationToken.None))).Error;

    private Task<Result<AssociationSuccess>> AcceptAsync(string token, string customerUserId) =>
        App.WithServiceAsync<AcceptInvitation, Result<AssociationSuccess>>(use => use.ExecuteAsync(token, customerUserId, consent: true, CancellationToken.None));

    private Task<int> SetNorthwindPrepaidAsync(bool prepaid) =>
        App.WithDbAsync(db => db.Partners.Where(p => p.Name == Northwind).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsPrepaid, prepaid)));
}
